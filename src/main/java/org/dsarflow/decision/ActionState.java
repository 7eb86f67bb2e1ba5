package org.dsarflow.decision;

/** Where one action stands: proposed, approved by the DPO, waiting for a custodian, or done. */
public enum ActionState {
    PROPOSED, APPROVED, AWAITING_CUSTODIAN, DONE
}
