package org.dsarflow.shared;

import java.time.Duration;

/**
 * A login refused unchecked because its account or address failed too often: answered 429
 * with Retry-After. Quarkus sees it as the cause of an AuthenticationFailedException.
 */
public class LoginThrottledException extends RuntimeException {

    private final Duration retryAfter;

    public LoginThrottledException(Duration retryAfter) {
        super("Too many failed logins", null, false, false);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
