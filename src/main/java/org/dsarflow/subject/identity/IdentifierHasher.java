package org.dsarflow.subject.identity;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keyed hashes of normalised identifiers, the only form in which identifiers are stored for lookup.
 *
 * <p>One hash covers all values of one scheme, so locating a subject is a single equality on one indexed
 * column. The scheme name is hashed too, so equal values under different schemes never collide. The
 * HMAC key ({@code DSAR_IDENTIFIER_KEY}) keeps the hashes from being reversed by guessing common values.
 * Instances are thread-safe.
 */
public final class IdentifierHasher {

    private static final String ALGORITHM = "HmacSHA256";
    private static final int MIN_KEY_BYTES = 32;
    private static final char SEPARATOR = '\u0000';

    private final SecretKeySpec key;
    // Mac is not thread-safe and Mac.getInstance costs a provider lookup, so each thread keeps its own.
    private final ThreadLocal<Mac> mac = ThreadLocal.withInitial(this::newMac);

    public IdentifierHasher(byte[] secretKey) {
        if (secretKey == null || secretKey.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException(
                    "the identifier hashing key is too short: a 32+ byte key is required");
        }
        this.key = new SecretKeySpec(secretKey, ALGORITHM);
    }

    /** A hasher keyed with the UTF-8 bytes of {@code secret}, which must be at least 32 bytes long. */
    public static IdentifierHasher fromSecret(String secret) {
        if (secret == null) {
            throw new IllegalArgumentException("the identifier hashing key is missing: a 32+ byte key is required");
        }
        return new IdentifierHasher(secret.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Lowercase hex HMAC-SHA256 of the scheme name and the scheme's values in key order, NUL-separated.
     *
     * @param normalisedValues values already passed through {@link IdentifierNormaliser}
     * @throws IllegalArgumentException when a key of the scheme has no value, or a value contains NUL
     */
    public String hash(IdentifierScheme scheme, Map<String, String> normalisedValues) {
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(normalisedValues, "normalisedValues");
        StringBuilder input = new StringBuilder(scheme.name());
        for (String schemeKey : scheme.keys()) {
            String value = normalisedValues.get(schemeKey);
            if (value == null || value.isEmpty()) {
                throw new IllegalArgumentException(
                        "identifier '" + schemeKey + "' is missing for scheme " + scheme.name());
            }
            // A NUL inside a value would make two different value lists hash alike.
            if (value.indexOf(SEPARATOR) >= 0) {
                throw new IllegalArgumentException("identifier '" + schemeKey + "' contains a NUL character");
            }
            input.append(SEPARATOR).append(value);
        }
        byte[] digest = mac.get().doFinal(input.toString().getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest);
    }

    /**
     * The hash to look a requester up by under {@code scheme}, from identifiers as supplied: scheme keys
     * are derived from names where needed and every value is normalised. Empty when the requester did not
     * supply every key of the scheme.
     *
     * @throws InvalidIdentifierException when a supplied value of the scheme cannot be normalised
     */
    public Optional<String> lookupHash(IdentifierScheme scheme, Map<String, String> rawSupplied) {
        Objects.requireNonNull(scheme, "scheme");
        Map<String, String> supplied = IdentifierNormaliser.deriveSchemeKeys(rawSupplied);
        Map<String, String> normalised = new HashMap<>();
        for (String schemeKey : scheme.keys()) {
            Optional<String> value = IdentifierNormaliser.normalise(schemeKey, supplied.get(schemeKey));
            if (value.isEmpty()) {
                return Optional.empty();
            }
            normalised.put(schemeKey, value.get());
        }
        return Optional.of(hash(scheme, normalised));
    }

    private Mac newMac() {
        try {
            Mac instance = Mac.getInstance(ALGORITHM);
            instance.init(key);
            return instance;
        } catch (GeneralSecurityException e) {
            // Every Java platform must provide HmacSHA256, so this means a broken runtime.
            throw new IllegalStateException(ALGORITHM + " is not available", e);
        }
    }
}
