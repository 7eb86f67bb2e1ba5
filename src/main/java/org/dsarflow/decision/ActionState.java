package org.dsarflow.decision;

/**
 * Where one action stands: proposed, approved by the DPO, waiting for a custodian, waiting for the DPO to
 * record what was done with other people's information in an internal holding's copy, or done.
 */
public enum ActionState {
    PROPOSED, APPROVED, AWAITING_CUSTODIAN, AWAITING_REDACTION, DONE
}
