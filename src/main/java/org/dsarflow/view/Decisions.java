package org.dsarflow.view;

import org.dsarflow.decision.Action;
import org.dsarflow.decision.DecisionAction;
import org.dsarflow.decision.DecisionPhase;
import org.dsarflow.decision.PhaseBasis;
import org.dsarflow.decision.Review;
import org.dsarflow.fulfilment.RecipientNotice;
import org.dsarflow.intake.DsarRequest;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The decisions, phases and Art. 19 notices of a page of requests, read in one query each. */
final class Decisions {

    private final Map<Long, List<DecisionAction>> actions;
    private final Map<Long, List<DecisionPhase>> phases;
    private final Map<Long, List<RecipientNotice>> notices;
    private final Map<Long, Review> reviews;

    private Decisions(Map<Long, List<DecisionAction>> actions, Map<Long, List<DecisionPhase>> phases,
                      Map<Long, List<RecipientNotice>> notices, Map<Long, Review> reviews) {
        this.actions = actions;
        this.phases = phases;
        this.notices = notices;
        this.reviews = reviews;
    }

    static Decisions of(List<DsarRequest> requests) {
        List<Long> decided = requests.stream().filter(r -> r.decidedAt != null).map(r -> r.id).toList();
        if (decided.isEmpty()) {
            return new Decisions(Map.of(), Map.of(), Map.of(), Map.of());
        }
        return new Decisions(
                DecisionAction.of(decided).stream().collect(Collectors.groupingBy(a -> a.requestId)),
                DecisionPhase.of(decided).stream().collect(Collectors.groupingBy(p -> p.key.requestId())),
                RecipientNotice.of(decided).stream().collect(Collectors.groupingBy(n -> n.requestId)),
                Review.of(decided).stream().collect(Collectors.toMap(r -> r.requestId, Function.identity())));
    }

    RequestView.Decision decision(DsarRequest request) {
        if (request.decidedAt == null) {
            return null;
        }
        List<RequestView.Phase> studyPhases = phases.getOrDefault(request.id, List.of()).stream()
                .map(p -> new RequestView.Phase(p.key.studyKey(), p.phaseAtReceipt, p.phaseToday, p.phaseUsed,
                        p.phaseBasis, p.reason))
                .toList();
        List<PhaseBasis> bases = studyPhases.stream().map(RequestView.Phase::basis).distinct().toList();
        PhaseBasis basis = bases.isEmpty() ? PhaseBasis.AT_RECEIPT : bases.size() == 1 ? bases.get(0) : PhaseBasis.MIXED;
        Review reviewed = reviews.get(request.id);
        RequestView.Review review = reviewed == null ? null : new RequestView.Review(reviewed.outcome,
                request.reviewedAt, reviewed.reviewedBy, reviewed.justification, reviewed.refusalReason,
                reviewed.respondTo, reviewed.childCompetent == null ? null : new RequestView.ChildJudgement(
                        reviewed.childCompetent, reviewed.childAgreed, reviewed.childReasons));
        return new RequestView.Decision(basis, studyPhases, request.decidedAt, review,
                actions.getOrDefault(request.id, List.of()).stream()
                        .map(a -> new RequestView.ActionView(a.studyKey, a.subjectRef, a.holdingKey, a.custody, a.action,
                                a.proposedAction, a.basis, a.explanationAsItStands(), a.state, a.amendmentJustification, a.doneAt,
                                a.custodianConfirmedOn, a.redactionNeeded, a.redaction))
                        .toList());
    }

    List<RequestView.RecipientNotification> notifications(DsarRequest request) {
        return notices.getOrDefault(request.id, List.of()).stream()
                .map(n -> new RequestView.RecipientNotification(n.studyKey, n.recipient,
                        Arrays.stream(n.actions.split(",")).map(Action::valueOf).toList(), n.recordedAt,
                        n.delivery, n.deliveredAt))
                .toList();
    }

    RequestView.Restriction restriction(DsarRequest request) {
        boolean restricted = actions.getOrDefault(request.id, List.of()).stream()
                .anyMatch(DecisionAction::placedRestriction);
        return restricted ? new RequestView.Restriction(request.restrictionLiftedAt == null,
                request.restrictionLiftedAt, request.restrictionLiftReason) : null;
    }
}
