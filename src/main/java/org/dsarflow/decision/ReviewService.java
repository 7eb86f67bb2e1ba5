package org.dsarflow.decision;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.dsarflow.audit.AuditLog;
import org.dsarflow.deadline.ClockState;
import org.dsarflow.intake.DsarRequest;
import org.dsarflow.intake.RequestType;
import org.dsarflow.intake.RequestView;
import org.dsarflow.intake.RequestViews;
import org.dsarflow.intake.ReviewOutcome;
import org.dsarflow.process.DsarProcess;
import org.dsarflow.process.RequestProcess;
import org.dsarflow.shared.ConflictException;
import org.dsarflow.shared.InvalidInputException;
import org.dsarflow.subject.Holding;
import org.dsarflow.subject.identity.IdentifierNormaliser;
import org.dsarflow.subject.identity.InvalidIdentifierException;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * The DPO's review of a proposed decision. Nothing is carried out, and no exemption applied, without it:
 * approving continues the process into carrying out; refusing goes straight to the response.
 */
@ApplicationScoped
public class ReviewService {

    private static final Logger LOG = Logger.getLogger(ReviewService.class);

    private final RequestProcess process;
    private final RequestViews views;
    private final AuditLog audit;
    private final Clock clock;

    ReviewService(RequestProcess process, RequestViews views, AuditLog audit, Clock clock) {
        this.audit = audit;
        this.process = process;
        this.views = views;
        this.clock = clock;
    }

    @Transactional
    public RequestView review(String reference, ReviewBody body, String actor) {
        DsarRequest request = awaitingReview(reference);
        Instant now = Instant.now(clock);
        String justification = body.justified() ? body.justification().strip() : null;
        if (body.approve()) {
            approve(request, body, justification);
            request.recordReview(ReviewOutcome.APPROVED, null, justification, actor, now);
        } else {
            refuse(body);
            request.recordReview(ReviewOutcome.REFUSED, body.refusalReason(), justification, actor, now);
        }
        // The justification is free text and stays on the request; the log says that one was given.
        audit.recordAt(DsarProcess.REVIEW_DECISION, reference, "DECISION_REVIEWED", AuditLog.detail(
                "outcome", request.reviewOutcome, "amendments", body.amendmentsOrNone().size(),
                "refusalReason", request.refusalReason, "justified", justification != null,
                "corrections", body.changesOrNone().keySet()));
        process.decisionReviewed(reference, request.reviewOutcome);
        LOG.infof("Request %s reviewed by %s: %s", reference, actor, request.reviewOutcome);
        return views.of(request);
    }

    private static void approve(DsarRequest request, ReviewBody body, String justification) {
        if (body.refusalReason() != null) {
            throw new InvalidInputException("refusalReason", "refusalReason is only for a refusal (approve: false)");
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
        if (!body.changesOrNone().isEmpty() && actions.stream().noneMatch(a -> a.action == Action.RECTIFY)) {
            throw new InvalidInputException("changes", "changes apply only where the decision rectifies");
        }
        body.changesOrNone().forEach((name, value) -> {
            try {
                IdentifierNormaliser.normalise(name, value);
            } catch (InvalidIdentifierException e) {
                throw new InvalidInputException("changes." + name, "the corrected " + name + " is not valid");
            }
        });
        body.changesOrNone().forEach((name, value) -> request.changes.put(name, value.strip()));
        if (request.changes.isEmpty() && actions.stream().anyMatch(a -> a.action == Action.RECTIFY)) {
            throw new InvalidInputException("changes", "a rectification needs the corrections to apply");
        }
        actions.forEach(a -> a.state = ActionState.APPROVED);
    }

    private static void amend(RequestType type, List<DecisionAction> actions, ReviewBody.Amendment amendment,
                              int index, String justification) {
        List<DecisionAction> matching = actions.stream()
                .filter(a -> a.holdingKey.equals(amendment.holdingKey()))
                .filter(a -> amendment.studyKey() == null || a.studyKey.equals(amendment.studyKey()))
                .toList();
        String field = "amendments[" + index + "]";
        if (matching.isEmpty()) {
            throw new InvalidInputException(field + ".holdingKey", "the decision has no action for that holding");
        }
        if (matching.size() > 1) {
            throw new InvalidInputException(field + ".studyKey", "several matched studies have that holding: name the study");
        }
        DecisionAction action = matching.get(0);
        Holding holding = Holding.find("studyKey = ?1 and key = ?2", action.studyKey, action.holdingKey).firstResult();
        Proposal described = DecisionTable.describe(amendment.action(), type, DecisionService.facts(holding));
        action.action = described.action();
        action.basis = described.basis();
        action.explanation = described.explanation();
        action.amendmentJustification = justification;
    }

    private static void refuse(ReviewBody body) {
        if (body.refusalReason() == null) {
            throw new InvalidInputException("refusalReason",
                    "a refusal needs refusalReason MANIFESTLY_UNFOUNDED or MANIFESTLY_EXCESSIVE");
        }
        if (!body.justified()) {
            throw new InvalidInputException("justification", "a refusal needs the reason explained in justification");
        }
        if (!body.amendmentsOrNone().isEmpty() || !body.changesOrNone().isEmpty()) {
            throw new InvalidInputException("amendments", "a refusal carries no amendments or changes");
        }
    }

    private DsarRequest awaitingReview(String reference) {
        DsarRequest request = DsarRequest.require(reference);
        if (request.status.isClosed()) {
            throw new ConflictException("REQUEST_CLOSED", "Request " + reference + " is " + request.status);
        }
        if (!request.awaitingReview() || !process.awaitingReview(reference)) {
            throw new ConflictException("NOT_AWAITING_REVIEW", "Request " + reference + " has no decision awaiting review");
        }
        if (request.clockState != ClockState.RUNNING) {
            throw new ConflictException("CLOCK_NOT_RUNNING", "Request " + reference + " is " + request.status
                    + ": review once the clock runs again");
        }
        return request;
    }
}
