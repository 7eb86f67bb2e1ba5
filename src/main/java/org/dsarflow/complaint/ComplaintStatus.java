package org.dsarflow.complaint;

/** Where a complaint stands: received and not yet acknowledged, acknowledged and being looked into, or closed. */
public enum ComplaintStatus {
    RECEIVED, ACKNOWLEDGED, CLOSED
}
