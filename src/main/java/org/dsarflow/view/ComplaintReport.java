package org.dsarflow.view;

import org.dsarflow.complaint.ComplaintOutcome;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.Map;

/**
 * The s.164B counts of the complaints received from {@code from} to {@code to} (receipt dates, both included),
 * each as it stands today.
 *
 * @param medianDaysToOutcome days from receipt to outcome, median over those closed with a finding (a withdrawal
 *                            is no finding); null when there are none
 */
@Schema(description = "Counts of the complaints received in the period (DPA 2018 s.164B), as they stand today")
public record ComplaintReport(
        LocalDate from,
        LocalDate to,
        long received,
        Acknowledgement acknowledged,
        long open,
        Map<ComplaintOutcome, Long> closedByOutcome,
        Double medianDaysToOutcome) {

    /** Acknowledged within the 30 days, after them, or not yet. */
    public record Acknowledgement(long withinThirtyDays, long late, long notYet) {
    }
}
