package org.dsarflow.intake;

/** Whether the statutory period is counting down. */
public enum ClockState {
    /** Counting down to a known deadline. */
    RUNNING,
    /** Waiting for a clarification; the waiting days are added to the deadline. */
    PAUSED,
    /** Waiting for identity or a fee; no deadline until they arrive, then a fresh month starts. */
    STOPPED
}
