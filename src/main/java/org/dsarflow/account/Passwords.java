package org.dsarflow.account;

import io.quarkus.elytron.security.common.BcryptUtil;
import org.wildfly.security.password.Password;
import org.wildfly.security.password.PasswordFactory;
import org.wildfly.security.password.WildFlyElytronPasswordProvider;
import org.wildfly.security.password.interfaces.BCryptPassword;
import org.wildfly.security.password.util.ModularCrypt;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;

/**
 * Bcrypt through WildFly Elytron, as Quarkus' own security extensions use it: hashing with
 * {@link BcryptUtil}, checking with Elytron's password factory.
 */
final class Passwords {

    static final int MIN_LENGTH = 12;
    /** Bcrypt reads only the first 72 bytes; a longer password would be silently cut. */
    static final int MAX_BYTES = 72;

    private static final WildFlyElytronPasswordProvider PROVIDER = new WildFlyElytronPasswordProvider();

    private Passwords() {
    }

    static String hash(String password) {
        return BcryptUtil.bcryptHash(password);
    }

    static boolean matches(String given, String modularCryptHash) {
        try {
            PasswordFactory factory = PasswordFactory.getInstance(BCryptPassword.ALGORITHM_BCRYPT, PROVIDER);
            Password stored = factory.translate(ModularCrypt.decode(modularCryptHash));
            return factory.verify(stored, given.toCharArray());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("A stored password hash is not bcrypt", e);
        }
    }

    /** Why the password is not acceptable, or null; never repeats the password. */
    static String weakness(String password) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            return "password must be at least " + MIN_LENGTH + " characters";
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return "password must be at most " + MAX_BYTES + " bytes (UTF-8)";
        }
        return null;
    }
}
