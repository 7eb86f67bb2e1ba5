package org.dsarflow.view;

import org.dsarflow.deadline.ClockStop;
import org.dsarflow.complaint.ComplaintStatus;
import org.dsarflow.deadline.StatutoryRegime;
import org.dsarflow.decision.Action;
import org.dsarflow.decision.ActionState;
import org.dsarflow.decision.OthersInformation;
import org.dsarflow.decision.PhaseBasis;
import org.dsarflow.decision.RefusalReason;
import org.dsarflow.decision.ResponseRecipient;
import org.dsarflow.decision.ReviewOutcome;
import org.dsarflow.fulfilment.SearchView;
import org.dsarflow.intake.AuthorityEvidence;
import org.dsarflow.intake.Channel;
import org.dsarflow.intake.ClockState;
import org.dsarflow.intake.Relationship;
import org.dsarflow.intake.RequestStatus;
import org.dsarflow.intake.RequestType;
import org.dsarflow.repeat.RelatedRequest;
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
 * no identifiers, no corrections asked for. The one exception is the name a representative gave for the
 * data subject they act for, which the DPO sees; auditors see only how the requester stands to the subject.
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
        @Schema(description = "The rules on time limits applied: those in force on the receipt date")
        StatutoryRegime.Summary regime,
        Clock clock,
        boolean overdue,
        boolean dueSoon,
        Match match,
        Decision decision,
        List<RecipientNotification> recipientNotifications,
        Restriction restriction,
        @Schema(description = "Open incidents: steps that failed after their last retry") List<Incident> incidents,
        @Schema(description = "How a closed request ended: FULFILLED, NO_DATA_HELD, DUPLICATE, or the ground of a refusal")
        String outcome,
        @Schema(description = "Whom a representative acts for, and their authority; null when the subject asked. "
                + "Auditors see the relationship only.")
        OnBehalfOf onBehalfOf,
        @Schema(description = "The complaints about this request (DPA 2018 s.164A)") List<ComplaintLink> complaints,
        @Schema(description = "The subject is a child (the request says so, or a record they were located by is a "
                + "child's): the review needs the DPO's childJudgement")
        boolean aboutAChild,
        @Schema(description = "An access request's searches (Art 15(1A)): what was searched, when, by whom, by which "
                + "identifier names; and what was judged not reasonable to search, with the reason (null for auditors)")
        List<SearchView> searches,
        @Schema(description = "Earlier requests from the same person (an email address or identifiers in common, "
                + "matched by keyed hash) received within dsar.repeat-window before this one, newest first")
        List<RelatedRequest> relatedRequests,
        @Schema(description = "How many of relatedRequests ask for the same thing (the same type): repetition is a "
                + "factor in refusing a request as manifestly excessive (Art 12(5))")
        int relatedOfSameType,
        @Schema(description = "The open request this one was closed as a duplicate of (outcome DUPLICATE)",
                examples = "DSAR-2026-000007")
        String duplicateOf) {

    /** A request made for someone else: how the requester stands to the subject, and the authority shown. */
    public record OnBehalfOf(Relationship relationship, String subjectName, String subjectCategory,
                             Authority authority) {
    }

    public record Authority(AuthorityEvidence evidence, LocalDate receivedOn, String recordedBy, Instant recordedAt) {
    }

    /** {@code candidates} is null for auditors: which records matched is for the DPO to see. */
    public record Match(MatchStatus status, List<MatchedRecord> candidates) {
    }

    /**
     * {@code pausedDays} counts clarification days, an open pause up to today; {@code pausedSince} is
     * set while paused; {@code awaiting} names what a stopped clock waits for; {@code note} says why the
     * clock runs where a reader might expect it to stop (a clarification under Art 12A(5)).
     */
    public record Clock(ClockState state, int pausedDays, LocalDate pausedSince, Set<ClockStop> awaiting,
                        String note) {
    }

    /** The proposed actions, the phase each study was decided on, and the DPO's review once given. */
    public record Decision(PhaseBasis phaseBasis, List<Phase> phases, Instant decidedAt, Review review,
                           List<ActionView> actions) {
    }

    public record Phase(String studyKey, StudyPhase atReceipt, StudyPhase today, StudyPhase used, PhaseBasis basis,
                        String reason) {
    }

    /** {@code respondTo} is whom the response goes to (null: the requester). */
    public record Review(ReviewOutcome outcome, Instant reviewedAt, String reviewedBy, String justification,
                         RefusalReason refusalReason, ResponseRecipient respondTo, ChildJudgement childJudgement) {
    }

    /** A child's request: the DPO's judgement; {@code reasons} is null for auditors. */
    public record ChildJudgement(boolean competent, Boolean agreedToRepresentative, String reasons) {
    }

    /**
     * {@code subjectRef} is null for auditors, like the match candidates. {@code redactionNeeded}: an access
     * request's copy of a holding liable to contain other people's information, held back until the DPO records
     * {@code redaction}.
     */
    public record ActionView(String studyKey, String subjectRef, String holdingKey, Custody custody, Action action,
                             Action proposedAction, String basis, String explanation, ActionState state,
                             String amendmentJustification, Instant doneAt, LocalDate custodianConfirmedOn,
                             boolean redactionNeeded, OthersInformation redaction) {
    }

    /**
     * Art. 19: a recipient of a study told of what was done; {@code delivery} says whether it was emailed (SENT)
     * or could not be (NOT_SENDABLE: the study names no mailbox for it), null until the response step runs.
     */
    public record RecipientNotification(String studyKey, String recipient, List<Action> actions, Instant recordedAt,
                                        String delivery, Instant deliveredAt) {
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
        Review auditorReview = decision == null || decision.review() == null ? null : new Review(
                decision.review().outcome(), decision.review().reviewedAt(), decision.review().reviewedBy(),
                decision.review().justification(), decision.review().refusalReason(), decision.review().respondTo(),
                decision.review().childJudgement() == null ? null : new ChildJudgement(
                        decision.review().childJudgement().competent(),
                        decision.review().childJudgement().agreedToRepresentative(), null));
        Decision auditorDecision = decision == null ? null : new Decision(decision.phaseBasis(), decision.phases(),
                decision.decidedAt(), auditorReview, decision.actions().stream()
                .map(a -> new ActionView(a.studyKey(), null, a.holdingKey(), a.custody(), a.action(), a.proposedAction(),
                        a.basis(), a.explanation(), a.state(), a.amendmentJustification(), a.doneAt(),
                        a.custodianConfirmedOn(), a.redactionNeeded(), a.redaction()))
                .toList());
        OnBehalfOf auditorOnBehalfOf = onBehalfOf == null ? null
                : new OnBehalfOf(onBehalfOf.relationship(), null, null, null);
        return new RequestView(reference, type, status, channel, receivedAt, receivedOn, clockStartedOn, deadline,
                extended, regime, clock, overdue, dueSoon, auditorMatch, auditorDecision, recipientNotifications, restriction,
                incidents, outcome, auditorOnBehalfOf, complaints, aboutAChild,
                searches.stream().map(SearchView::forAuditor).toList(), relatedRequests, relatedOfSameType, duplicateOf);
    }
}
