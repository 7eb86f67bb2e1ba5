package org.dsarflow.web.page;

import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.ForbiddenException;
import org.dsarflow.shared.DsarConfig;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The per-session token every workbench form carries. The browser session holds a random nonce in a
 * SameSite=Strict, HttpOnly cookie; a form's token is an HMAC of that nonce and the account, so a page
 * of another site can neither read nor forge it. The key is derived from the identifier key, so no new
 * secret is needed, and is not the identifier key itself.
 */
@RequestScoped
public class CsrfGuard {

    static final String COOKIE = "dsar-csrf";
    static final String FIELD = "csrf";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final HttpServerRequest request;
    private final SecurityIdentity identity;
    private final byte[] key;
    private String issuedNonce;

    CsrfGuard(HttpServerRequest request, SecurityIdentity identity, DsarConfig config) {
        this.request = request;
        this.identity = identity;
        this.key = ("workbench-csrf:" + config.identifierKey()).getBytes(StandardCharsets.UTF_8);
    }

    /** The token for this session's forms; starts the session's nonce when the browser has none yet. */
    public String token() {
        String nonce = nonce();
        if (nonce == null) {
            byte[] random = new byte[32];
            RANDOM.nextBytes(random);
            issuedNonce = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            nonce = issuedNonce;
        }
        return sign(nonce);
    }

    /** Refuses (403) a form whose token is not this session's. */
    public void check(String submitted) {
        String nonce = nonce();
        if (nonce == null || submitted == null || !MessageDigest.isEqual(
                sign(nonce).getBytes(StandardCharsets.UTF_8), submitted.getBytes(StandardCharsets.UTF_8))) {
            throw new ForbiddenException("The form's security token is missing or not this session's.");
        }
    }

    /** A nonce this response must set as the session's cookie, or null. */
    String issuedNonce() {
        return issuedNonce;
    }

    private String nonce() {
        if (issuedNonce != null) {
            return issuedNonce;
        }
        Cookie cookie = request.getCookie(COOKIE);
        return cookie == null || cookie.getValue().isBlank() ? null : cookie.getValue();
    }

    private String sign(String nonce) {
        String account = identity.isAnonymous() ? "" : identity.getPrincipal().getName();
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] signed = mac.doFinal((nonce + "|" + account).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(signed);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
