package org.dsarflow.deadline;

import java.util.Objects;

/**
 * An event that contradicts the clock's current state. The {@link Reason} is a stable machine code for
 * API clients; the message is for people and never contains personal data.
 */
public class ClockEventRejectedException extends RuntimeException {

    public enum Reason {
        NOT_STOPPED_FOR_IDENTITY,
        NOT_STOPPED_FOR_FEE,
        ALREADY_STOPPED_FOR_IDENTITY,
        ALREADY_STOPPED_FOR_FEE,
        NOT_STOPPED_FOR_AUTHORITY,
        ALREADY_STOPPED_FOR_AUTHORITY,
        NOT_PAUSED,
        ALREADY_PAUSED,
        CLOCK_STOPPED,
        ALREADY_EXTENDED,
        EXTENSION_TOO_LATE,
        OUT_OF_ORDER
    }

    private final Reason reason;

    public ClockEventRejectedException(Reason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public Reason reason() {
        return reason;
    }
}
