package org.dsarflow.subject;

/** Who acts on a holding: the service itself (INTERNAL) or a custodian who must confirm (EXTERNAL). */
public enum Custody {
    INTERNAL, EXTERNAL
}
