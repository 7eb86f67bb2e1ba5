package org.dsarflow.deadline;

/** CDI event, fired in the transaction that recorded a clock event: the deadline is recalculated there. */
public record ClockEventRecorded(String reference, ClockEventKind kind) {
}
