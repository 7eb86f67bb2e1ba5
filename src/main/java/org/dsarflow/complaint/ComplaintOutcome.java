package org.dsarflow.complaint;

/** How a complaint ended: the controller's finding, or the complainant withdrew it. */
public enum ComplaintOutcome {
    UPHELD, PARTLY_UPHELD, NOT_UPHELD, WITHDRAWN
}
