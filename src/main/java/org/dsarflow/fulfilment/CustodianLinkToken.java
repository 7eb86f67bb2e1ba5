package org.dsarflow.fulfilment;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * The token of a custodian's link, {@code <linkId>.<expiresAt as epoch seconds>.<signature>}: an HMAC-SHA256 of
 * the first two parts, so a changed id or expiry is refused before the database is asked. The key is the one
 * configured, or else derived from the identifier key by an HMAC under a label of its own.
 */
public final class CustodianLinkToken {

    private static final String HMAC = "HmacSHA256";
    private static final String LABEL = "dsarflow custodian-link v1";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private final byte[] key;

    private CustodianLinkToken(byte[] key) {
        this.key = key;
    }

    /** Signs with {@code linkKey} if set, else with a key derived from {@code identifierKey}. */
    public static CustodianLinkToken keyed(Optional<String> linkKey, String identifierKey) {
        byte[] key = linkKey.filter(k -> !k.isBlank())
                .map(k -> k.getBytes(StandardCharsets.UTF_8))
                .orElseGet(() -> hmac(identifierKey.getBytes(StandardCharsets.UTF_8), LABEL));
        return new CustodianLinkToken(key);
    }

    /** What a well-signed token says: which link, and until when. */
    public record Claims(String linkId, Instant expiresAt) {
    }

    public String sign(String linkId, Instant expiresAt) {
        String payload = linkId + "." + expiresAt.getEpochSecond();
        return payload + "." + ENCODER.encodeToString(hmac(key, payload));
    }

    /** The token's claims if it is well formed and its signature is this key's; empty otherwise. */
    public Optional<Claims> verify(String token) {
        if (token == null || token.length() > 200) {
            return Optional.empty();
        }
        int last = token.lastIndexOf('.');
        if (last < 0) {
            return Optional.empty();
        }
        String payload = token.substring(0, last);
        byte[] expected = ENCODER.encodeToString(hmac(key, payload)).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, token.substring(last + 1).getBytes(StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        int dot = payload.indexOf('.');
        try {
            return Optional.of(new Claims(payload.substring(0, dot),
                    Instant.ofEpochSecond(Long.parseLong(payload.substring(dot + 1)))));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static byte[] hmac(byte[] key, String message) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(key, HMAC));
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
