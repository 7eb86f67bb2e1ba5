package org.dsarflow.subject;

/**
 * Where a study is in its life. The order matters: analysis having started is what decides between
 * erasure and pseudonymised retention, and an archived copy can no longer be erased.
 */
public enum StudyPhase {
    /** Analysis not started. */
    COLLECTION,
    /** Analysis underway. */
    ANALYSIS,
    /** A pseudonymised or anonymised copy is archived and cannot be erased. */
    ARCHIVED,
    /** All personal data deleted. */
    CLOSED;

    public boolean isBefore(StudyPhase other) {
        return compareTo(other) < 0;
    }
}
