package org.dsarflow.decision;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import org.dsarflow.audit.AuditLog;
import org.dsarflow.intake.ClockState;
import org.dsarflow.intake.DsarRequest;
import org.dsarflow.intake.RequestType;
import org.dsarflow.shared.ConflictException;
import org.dsarflow.shared.InvalidInputException;
import org.dsarflow.shared.RetriedOnConcurrentChange;
import org.dsarflow.subject.Holding;
import org.dsarflow.subject.Study;
import org.dsarflow.subject.SubjectMatch;
import org.dsarflow.subject.SubjectRecord;
import org.dsarflow.subject.identity.IdentifierNormaliser;
import org.dsarflow.subject.identity.InvalidIdentifierException;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The DPO's review of a proposed decision. Nothing is carried out, and no exemption applied, without it:
 * approving continues the process into carrying out; refusing goes straight to the response.
 */
@ApplicationScoped
public class ReviewService {

    private static final Logger LOG = Logger.getLogger(ReviewService.class);

    private final AuditLog audit;
    private final Event<DecisionReviewed> reviewed;
    private final Clock clock;

    ReviewService(AuditLog audit, Event<DecisionReviewed> reviewed, Clock clock) {
        this.audit = audit;
        this.reviewed = reviewed;
        this.clock = clock;
    }

    @Transactional
    @RetriedOnConcurrentChange
    public DsarRequest review(String reference, ReviewBody body, String actor) {
        DsarRequest request = awaitingReview(reference);
        String justification = body.justified() ? body.justification().strip() : null;
        Review review;
        if (body.approve()) {
            approve(request, body, justification);
            review = Review.approved(request.id, justification, actor);
        } else {
            refuse(request, body);
            review = Review.refused(request.id, body.refusalReason(), justification, actor);
        }
        ReviewBody.ChildJudgementBody judged = childJudgement(request, body);
        if (judged != null) {
            review.childJudged(judged.competent(), judged.agreedToRepresentative(), judged.respondTo(),
                    judged.reasons().strip());
        }
        review.persist();
        request.reviewed(body.approve() ? body.changesOrNone() : Map.of(), Instant.now(clock));
        // The justification is free text and stays with the review; the log says that one was given.
        audit.recordAt(DecisionReviewed.ACTIVITY, reference, "DECISION_REVIEWED", AuditLog.detail(
                "outcome", review.outcome, "amendments", body.amendmentsOrNone().size(),
                "refusalReason", review.refusalReason, "justified", justification != null,
                "corrections", body.changesOrNone().keySet(), "authority",
                request.authority == null ? null : request.authority.evidence,
                "childCompetent", review.childCompetent, "childAgreed", review.childAgreed,
                "respondTo", review.respondTo));
        reviewed.fire(new DecisionReviewed(reference, review.outcome));
        LOG.infof("Request %s reviewed by %s: %s", reference, actor, review.outcome);
        return request;
    }

    private static void approve(DsarRequest request, ReviewBody body, String justification) {
        if (body.refusalReason() != null) {
            throw new InvalidInputException("refusalReason", "refusalReason is only for a refusal (approve: false)");
        }
        if (request.awaitingAuthority()) {
            throw new ConflictException("AUTHORITY_MISSING", "Request " + request.reference
                    + " was made on behalf of someone else: record the requester's authority before approving");
        }
        List<DecisionAction> actions = DecisionAction.of(request.id);
        if (!body.amendmentsOrNone().isEmpty() && justification == null) {
            throw new InvalidInputException("justification", "an amended decision needs a justification");
        }
        for (int i = 0; i < body.amendmentsOrNone().size(); i++) {
            amend(request.type, actions, body.amendmentsOrNone().get(i), i, justification);
        }
        if (justification == null && actions.stream().anyMatch(a -> a.action.needsJustification())) {
            throw new InvalidInputException("justification",
                    "RETAIN_PSEUDONYMISED keeps data the requester asked to erase: approving it needs a justification");
        }
        boolean rectifies = actions.stream().anyMatch(a -> a.action == Action.RECTIFY);
        if (!body.changesOrNone().isEmpty() && !rectifies) {
            throw new InvalidInputException("changes", "changes apply only where the decision rectifies");
        }
        body.changesOrNone().forEach((name, value) -> {
            try {
                IdentifierNormaliser.normalise(name, value);
            } catch (InvalidIdentifierException e) {
                throw new InvalidInputException("changes." + name, "the corrected " + name + " is not valid");
            }
        });
        if (rectifies && request.changes.isEmpty() && body.changesOrNone().isEmpty()) {
            throw new InvalidInputException("changes", "a rectification needs the corrections to apply");
        }
        actions.forEach(DecisionAction::approve);
    }

    private static void amend(RequestType type, List<DecisionAction> actions, ReviewBody.Amendment amendment,
                              int index, String justification) {
        List<DecisionAction> matching = actions.stream()
                .filter(a -> a.holdingKey.equals(amendment.holdingKey()))
                .filter(a -> amendment.studyKey() == null || a.studyKey.equals(amendment.studyKey()))
                .toList();
        String field = "amendments[" + index + "]";
        if (amendment.studyKey() != null) {
            Study.requireKnown(field + ".studyKey", amendment.studyKey());
        }
        if (matching.isEmpty()) {
            throw new InvalidInputException(field + ".holdingKey", "the decision has no action for that holding");
        }
        if (matching.size() > 1) {
            throw new InvalidInputException(field + ".studyKey", "several matched studies have that holding: name the study");
        }
        DecisionAction action = matching.get(0);
        Holding holding = Holding.find("studyKey = ?1 and key = ?2", action.studyKey, action.holdingKey).firstResult();
        HoldingFacts facts = DecisionService.facts(holding);
        action.amend(amendment.action() == action.proposedAction
                ? DecisionTable.describe(amendment.action(), type, facts)
                : DecisionTable.chosenOnReview(amendment.action(), type, facts), justification);
    }

    private static void refuse(DsarRequest request, ReviewBody body) {
        if (body.refusalReason() == null) {
            throw new InvalidInputException("refusalReason",
                    "a refusal needs refusalReason MANIFESTLY_UNFOUNDED, MANIFESTLY_EXCESSIVE or NO_AUTHORITY_TO_ACT");
        }
        if (body.refusalReason() == RefusalReason.NO_AUTHORITY_TO_ACT && !request.madeOnBehalf()) {
            throw new InvalidInputException("refusalReason", "NO_AUTHORITY_TO_ACT is for a request made on behalf "
                    + "of someone else");
        }
        if (!body.justified()) {
            throw new InvalidInputException("justification", "a refusal needs the reason explained in justification");
        }
        if (!body.amendmentsOrNone().isEmpty() || !body.changesOrNone().isEmpty()) {
            throw new InvalidInputException("amendments", "a refusal carries no amendments or changes");
        }
    }

    /**
     * The child judgement a child's request needs, checked against the rule (ChildJudgement); null for a
     * request about someone who is not a child, which must come without one. A refusal as manifestly
     * unfounded or excessive needs none.
     */
    private static ReviewBody.ChildJudgementBody childJudgement(DsarRequest request, ReviewBody body) {
        ReviewBody.ChildJudgementBody judged = body.childJudgement();
        if (!aboutAChild(request)) {
            if (judged != null) {
                throw new InvalidInputException("childJudgement", "childJudgement is for a request about a child");
            }
            return null;
        }
        boolean needed = body.approve() || body.refusalReason() == RefusalReason.NO_AUTHORITY_TO_ACT;
        if (judged == null) {
            if (needed) {
                throw new InvalidInputException("childJudgement", "a child's request needs the DPO's judgement of "
                        + "the child's competence, whether they agreed, and whom the response goes to");
            }
            return null;
        }
        ChildJudgement.check(request.madeOnBehalf(), body.approve(), body.refusalReason(), judged.competent(),
                judged.agreedToRepresentative(), judged.respondTo());
        return judged;
    }

    /** The requester says the subject is a child, or a record the subject was located by is a child's. */
    private static boolean aboutAChild(DsarRequest request) {
        if (request.madeOnBehalf() && ChildJudgement.isChild(request.onBehalfOf.subjectCategory)) {
            return true;
        }
        return SubjectMatch.of(request.id).map(SubjectMatch::sorted).orElse(List.of()).stream()
                .map(matched -> SubjectRecord.find("studyKey = ?1 and subjectRef = ?2",
                        matched.studyKey(), matched.subjectRef()).<SubjectRecord>firstResult())
                .anyMatch(record -> record != null && ChildJudgement.isChild(record.category));
    }

    /** Guarded by the request's own state: a decision proposed and not yet reviewed, with the clock running. */
    private static DsarRequest awaitingReview(String reference) {
        DsarRequest request = DsarRequest.requireLocked(reference).requireOpen();
        if (!request.awaitingReview()) {
            throw new ConflictException("NOT_AWAITING_REVIEW", "Request " + reference + " has no decision awaiting review");
        }
        if (request.clockState != ClockState.RUNNING) {
            throw new ConflictException("CLOCK_NOT_RUNNING", "Request " + reference + " is " + request.status
                    + ": review once the clock runs again");
        }
        return request;
    }
}
