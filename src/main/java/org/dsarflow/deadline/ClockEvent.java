package org.dsarflow.deadline;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One event on a request's clock, dated by the day it happened.
 *
 * @param reason free text (required by the caller for an extension, which Art. 12(3) says must be explained
 *               to the data subject); may be null. The clock never puts it in a message, as it may hold personal data.
 */
public record ClockEvent(ClockEventKind kind, LocalDate on, String reason) {

    public ClockEvent {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(on, "on");
    }

    public static ClockEvent of(ClockEventKind kind, LocalDate on) {
        return new ClockEvent(kind, on, null);
    }

    /** Leaves out the reason, which may hold personal data, so that events can be logged. */
    @Override
    public String toString() {
        return kind + "@" + on;
    }
}
