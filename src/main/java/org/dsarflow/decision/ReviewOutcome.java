package org.dsarflow.decision;

/** What the DPO decided on review. */
public enum ReviewOutcome {
    APPROVED, REFUSED
}
