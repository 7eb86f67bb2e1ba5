package org.dsarflow.complaint;

/** CDI event: a progress update was recorded, to be emailed to the complainant when {@code tellComplainant}. */
public record ComplaintUpdated(String reference, boolean tellComplainant) {
}
