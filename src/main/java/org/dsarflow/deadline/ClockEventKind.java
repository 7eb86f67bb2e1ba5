package org.dsarflow.deadline;

/** What happened to a request's statutory clock, as recorded by the DPO. */
public enum ClockEventKind {
    IDENTITY_REQUESTED,
    IDENTITY_CONFIRMED,
    FEE_REQUESTED,
    FEE_RECEIVED,
    CLARIFICATION_REQUESTED,
    CLARIFICATION_RECEIVED,
    EXTENSION_NOTIFIED
}
