package org.dsarflow.decision;

/** UK GDPR Art. 12(5): the only grounds on which a request may be refused outright. */
public enum RefusalReason {
    MANIFESTLY_UNFOUNDED, MANIFESTLY_EXCESSIVE
}
