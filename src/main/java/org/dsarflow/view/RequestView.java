package org.dsarflow.view;

import org.dsarflow.deadline.ClockStop;
import org.dsarflow.complaint.ComplaintStatus;
import org.dsarflow.decision.Action;
import org.dsarflow.decision.ActionState;
import org.dsarflow.decision.PhaseBasis;
import org.dsarflow.decision.RefusalReason;
import org.dsarflow.decision.ReviewOutcome;
import org.dsarflow.intake.Channel;
import org.dsarflow.intake.ClockState;
import org.dsarflow.intake.RequestStatus;
import org.dsarflow.intake.RequestType;
import org.dsarflow.subject.Custody;
import org.dsarflow.subject.MatchStatus;
import org.dsarflow.subject.MatchedRecord;
import org.dsarflow.subject.StudyPhase;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * A request as DPO staff and auditors see it. Holds no personal data: no requester contact details,
 * no identifiers, no corrections asked for.
 */
@Schema(description = "A request as DPO staff and auditors see it: no contact details, identifiers or corrections")
public record RequestView(
        @Schema(examples = "DSAR-2025-000042") String reference,
        RequestType type,
        RequestStatus status,
        Channel channel,
        @Schema(description = "As received: a date-time with offset, or a date when only the day is known")
        String receivedAt,
        @Schema(description = "The receipt date, in Europe/London") LocalDate receivedOn,
        @Schema(description = "Start of the current period; null while the clock is stopped") LocalDate clockStartedOn,
        @Schema(description = "The day the response is due, extended if notified; null while the clock is stopped")
        LocalDate deadline,
        boolean extended,
        Clock clock,
        boolean overdue,
        boolean dueSoon,
        Match match,
        Decision decision,
        List<RecipientNotification> recipientNotifications,
        Restriction restriction,
        @Schema(description = "Open incidents: steps that failed after their last retry") List<Incident> incidents,
        @Schema(description = "How a closed request ended: FULFILLED, NO_DATA_HELD, or the ground of a refusal")
        String outcome,
        @Schema(description = "The complaints about this request (DPA 2018 s.164A)") List<ComplaintLink> complaints) {

    /** {@code candidates} is null for auditors: which records matched is for the DPO to see. */
    public record Match(MatchStatus status, List<MatchedRecord> candidates) {
    }

    /**
     * {@code pausedDays} counts clarification days, an open pause up to today; {@code pausedSince} is
     * set while paused; {@code awaiting} names what a stopped clock waits for.
     */
    public record Clock(ClockState state, int pausedDays, LocalDate pausedSince, Set<ClockStop> awaiting) {
    }

    /** The proposed actions, the phase each study was decided on, and the DPO's review once given. */
    public record Decision(PhaseBasis phaseBasis, List<Phase> phases, Instant decidedAt, Review review,
                           List<ActionView> actions) {
    }

    public record Phase(String studyKey, StudyPhase atReceipt, StudyPhase today, StudyPhase used, PhaseBasis basis,
                        String reason) {
    }

    public record Review(ReviewOutcome outcome, Instant reviewedAt, String reviewedBy, String justification,
                         RefusalReason refusalReason) {
    }

    /** {@code subjectRef} is null for auditors, like the match candidates. */
    public record ActionView(String studyKey, String subjectRef, String holdingKey, Custody custody, Action action,
                             Action proposedAction, String basis, String explanation, ActionState state,
                             String amendmentJustification, Instant doneAt, LocalDate custodianConfirmedOn) {
    }

    /** Art. 19: a recipient of a study told of what was done. */
    public record RecipientNotification(String studyKey, String recipient, List<Action> actions, Instant recordedAt) {
    }

    /** A step of the request's processes (an email, say) that failed for good and waits for an operator. */
    public record Incident(String id, String activity, String message, Instant at) {
    }

    /** A complaint about this request, by reference, and where it stands. */
    public record ComplaintLink(@Schema(examples = "CMP-2026-000007") String reference, ComplaintStatus status) {
    }

    /** Whether the restriction this request placed still holds. */
    public record Restriction(boolean active, Instant liftedAt, String liftReason) {
    }

    /** The view an auditor gets: the match status and actions, not who matched. */
    public RequestView forAuditor() {
        Match auditorMatch = match == null ? null : new Match(match.status(), null);
        Decision auditorDecision = decision == null ? null : new Decision(decision.phaseBasis(), decision.phases(),
                decision.decidedAt(), decision.review(), decision.actions().stream()
                .map(a -> new ActionView(a.studyKey(), null, a.holdingKey(), a.custody(), a.action(), a.proposedAction(),
                        a.basis(), a.explanation(), a.state(), a.amendmentJustification(), a.doneAt(),
                        a.custodianConfirmedOn()))
                .toList());
        return new RequestView(reference, type, status, channel, receivedAt, receivedOn, clockStartedOn, deadline,
                extended, clock, overdue, dueSoon, auditorMatch, auditorDecision, recipientNotifications, restriction,
                incidents, outcome, complaints);
    }
}
