package org.dsarflow.view;

import org.dsarflow.complaint.AcknowledgementMethod;
import org.dsarflow.complaint.ComplaintOutcome;
import org.dsarflow.complaint.ComplaintStatus;
import org.dsarflow.intake.Channel;
import org.dsarflow.intake.RequestStatus;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A complaint as DPO staff and auditors see it. Auditors never see the complainant's contact details, the
 * summary, the notes' text or the outcome's words: those are null in their view.
 */
@Schema(description = "A complaint (DPA 2018 s.164A). For auditors complainant, summary, the updates' notes and the "
        + "outcome's summary and actions are null.")
public record ComplaintView(
        @Schema(examples = "CMP-2026-000007") String reference,
        ComplaintStatus status,
        Channel channel,
        @Schema(description = "As received: a date-time with offset, or a date when only the day is known")
        String receivedAt,
        @Schema(description = "The receipt date, in Europe/London") LocalDate receivedOn,
        @Schema(description = "The last of the 30 days beginning with the receipt date") LocalDate acknowledgementDue,
        LocalDate acknowledgedOn,
        AcknowledgementMethod acknowledgedBy,
        @Schema(description = "Acknowledged on or before its due date") boolean acknowledgedInTime,
        @Schema(description = "Not acknowledged and past its due date") boolean acknowledgementOverdue,
        Complainant complainant,
        String summary,
        @Schema(description = "The request complained about, if any, as it stands") About about,
        List<Update> updates,
        Outcome outcome,
        @Schema(description = "When the retention period ran out and the complainant's details and words went")
        Instant personalDataDeletedAt) {

    public record Complainant(String name, String email, String phone, String postalAddress) {
    }

    /** The request complained about: its reference, status and deadline as it stands today. */
    public record About(String reference, RequestStatus status, LocalDate deadline) {
    }

    /** A progress update: when, by whom, whether the complainant was told (and when the email went). */
    public record Update(int number, Instant at, String madeBy, boolean tellComplainant, Instant toldAt, String note) {
    }

    public record Outcome(ComplaintOutcome outcome, LocalDate closedOn, long daysToOutcome, String summary,
                          String actions) {
    }

    /** The view an auditor gets: dates, states and counts, none of the complainant's details or words. */
    public ComplaintView forAuditor() {
        return new ComplaintView(reference, status, channel, receivedAt, receivedOn, acknowledgementDue, acknowledgedOn,
                acknowledgedBy, acknowledgedInTime, acknowledgementOverdue, null, null, about,
                updates.stream().map(u -> new Update(u.number(), u.at(), u.madeBy(), u.tellComplainant(), u.toldAt(),
                        null)).toList(),
                outcome == null ? null : new Outcome(outcome.outcome(), outcome.closedOn(), outcome.daysToOutcome(),
                        null, null),
                personalDataDeletedAt);
    }
}
