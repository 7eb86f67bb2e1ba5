package org.dsarflow.intake;

/** What the DPO decided on review. */
public enum ReviewOutcome {
    APPROVED, REFUSED
}
