package org.dsarflow.deadline;

/** A bank-holiday calendar that cannot be used: malformed JSON, a missing field, an impossible date. */
public class InvalidCalendarException extends RuntimeException {

    public InvalidCalendarException(String message) {
        super(message);
    }

    public InvalidCalendarException(String message, Throwable cause) {
        super(message, cause);
    }
}
