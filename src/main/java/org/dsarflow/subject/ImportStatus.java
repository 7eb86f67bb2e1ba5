package org.dsarflow.subject;

/** Where a registry import stands. Only a RUNNING one changes. */
public enum ImportStatus {
    RUNNING,
    COMPLETED,
    /** Stopped by an error: the file was refused whole, or the database failed; what was committed stays. */
    FAILED,
    /** Its node stopped while it ran; what was committed stays, up to its last committed line. */
    INTERRUPTED
}
