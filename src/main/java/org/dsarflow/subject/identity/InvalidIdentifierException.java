package org.dsarflow.subject.identity;

import java.util.Objects;

/**
 * A supplied identifier that cannot be normalised (for example an impossible date). The message names
 * the identifier key and the reason only: the value is personal data and must never reach logs or
 * API error bodies.
 */
public class InvalidIdentifierException extends RuntimeException {

    private final String key;

    public InvalidIdentifierException(String key, String reason) {
        super("identifier '" + Objects.requireNonNull(key, "key") + "' is invalid: "
                + Objects.requireNonNull(reason, "reason"));
        this.key = key;
    }

    /** The identifier key whose value was rejected, for example {@code dateOfBirth}. */
    public String key() {
        return key;
    }
}
