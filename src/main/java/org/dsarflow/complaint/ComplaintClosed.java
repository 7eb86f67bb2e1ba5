package org.dsarflow.complaint;

/** CDI event: the outcome was given; the investigation ends and the complainant is told. */
public record ComplaintClosed(String reference, ComplaintOutcome outcome) {

    /** The DPO's user task that the outcome completes. */
    public static final String ACTIVITY = "investigateComplaint";
}
