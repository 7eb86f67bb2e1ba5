package org.dsarflow.fulfilment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.dsarflow.audit.AuditLog;
import org.dsarflow.decision.Action;
import org.dsarflow.decision.ActionState;
import org.dsarflow.decision.DecisionAction;
import org.dsarflow.decision.Review;
import org.dsarflow.intake.DsarRequest;
import org.dsarflow.intake.RequestType;
import org.dsarflow.subject.Custody;
import org.dsarflow.subject.Holding;
import org.dsarflow.subject.RegistryMaintenance;
import org.dsarflow.subject.Study;
import org.dsarflow.subject.SubjectRecord;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The {@code carryOut} and {@code respond} steps: acts on the registry's copy of each matched record as
 * approved, hands external holdings to their custodians, and records the Art. 19 notices.
 */
@ApplicationScoped
public class FulfilmentService {

    private static final Logger LOG = Logger.getLogger(FulfilmentService.class);
    /** Actions after which the subject's data in a holding is still held. */
    private static final Set<Action> KEEPS_DATA =
            EnumSet.of(Action.RETAIN_PSEUDONYMISED, Action.RESTRICT, Action.RECTIFY, Action.EXPORT, Action.NOT_APPLICABLE);

    private final RegistryMaintenance registry;
    private final AuditLog audit;
    private final Clock clock;

    FulfilmentService(RegistryMaintenance registry, AuditLog audit, Clock clock) {
        this.registry = registry;
        this.audit = audit;
        this.clock = clock;
    }

    /** Carries out the approved actions; answers how many custodian tasks remain. */
    @Transactional
    public int carryOut(String reference) {
        DsarRequest request = DsarRequest.require(reference);
        Instant now = Instant.now(clock);
        List<DecisionAction> actions = DecisionAction.of(request.id).stream()
                .filter(a -> a.state == ActionState.APPROVED).toList();
        Map<String, List<DecisionAction>> byRecord = actions.stream().collect(Collectors.groupingBy(
                a -> a.studyKey + "/" + a.subjectRef, TreeMap::new, Collectors.toList()));
        for (List<DecisionAction> recordActions : byRecord.values()) {
            DecisionAction first = recordActions.get(0);
            registry.record(first.studyKey, first.subjectRef)
                    .ifPresent(record -> carryOut(request, record, recordActions));
        }
        Set<String> liable = liableToHoldOthersInformation(request, actions);
        int custodianTasks = 0;
        for (DecisionAction action : actions) {
            if (action.custody == Custody.EXTERNAL && action.action.isCarriedOut()) {
                action.handToCustodian();
                custodianTasks++;
            } else {
                action.done(now);
            }
            if (liable.contains(action.studyKey + "/" + action.holdingKey)) {
                action.holdForRedaction();
            }
            audit.record(reference, switch (action.state) {
                        case AWAITING_CUSTODIAN -> "CUSTODIAN_TASK_RAISED";
                        case AWAITING_REDACTION -> "REDACTION_AWAITED";
                        default -> "ACTION_CARRIED_OUT";
                    }, AuditLog.detail("studyKey", action.studyKey, "holdingKey", action.holdingKey,
                            "action", action.action, "state", action.state, "redactionNeeded", action.redactionNeeded));
        }
        notifyRecipients(request, actions, now);
        if (actions.stream().anyMatch(a -> a.action == Action.ERASE || a.action == Action.RETAIN_PSEUDONYMISED)) {
            // The supplied identifiers were needed only to locate the person, whose identifiers are now gone.
            request.forgetSuppliedIdentifiers();
            audit.record(reference, "SUPPLIED_IDENTIFIERS_DELETED", AuditLog.detail());
        }
        LOG.infof("Request %s: %d actions carried out or handed over, %d custodian tasks", reference,
                actions.size(), custodianTasks);
        return custodianTasks;
    }

    /** The {@code respond} step: closes the request as the DPO's review decided, fulfilled or refused. */
    @Transactional
    public void respond(String reference) {
        DsarRequest request = DsarRequest.require(reference);
        Review review = Review.of(request.id).orElseThrow(() ->
                new IllegalStateException("Request " + reference + " responds before its review"));
        Instant now = Instant.now(clock);
        if (review.approved()) {
            request.fulfilled(now);
        } else {
            request.refused(review.refusalReason.name(), now);
        }
        audit.record(reference, "REQUEST_CLOSED", AuditLog.detail("status", request.status, "outcome", request.outcome));
        LOG.infof("Request %s closed: %s", reference, request.outcome);
    }

    /**
     * Art. 15(4): of an access request's exports, those of holdings liable to contain other people's
     * information ("studyKey/holdingKey"); each waits for the DPO to record what was done with it.
     */
    private static Set<String> liableToHoldOthersInformation(DsarRequest request, List<DecisionAction> actions) {
        if (request.type != RequestType.ACCESS) {
            return Set.of();
        }
        Set<String> exported = actions.stream().filter(a -> a.action == Action.EXPORT)
                .map(DecisionAction::custodianTask).collect(Collectors.toSet());
        if (exported.isEmpty()) {
            return Set.of();
        }
        return Holding.<Holding>list("othersInformation = true and studyKey in ?1",
                        actions.stream().map(a -> a.studyKey).collect(Collectors.toSet())).stream()
                .map(h -> h.studyKey + "/" + h.key).filter(exported::contains).collect(Collectors.toSet());
    }

    /** The redaction steps not yet recorded, as "studyKey/holdingKey", in a fixed order. */
    @Transactional
    public List<String> awaitingRedaction(String reference) {
        DsarRequest request = DsarRequest.require(reference);
        return DecisionAction.of(request.id).stream().filter(DecisionAction::awaitingRedaction)
                .map(DecisionAction::custodianTask).toList();
    }

    /** The open custodian tasks, as "studyKey/holdingKey". */
    @Transactional
    public List<String> awaitingCustodians(String reference) {
        DsarRequest request = DsarRequest.require(reference);
        return DecisionAction.of(request.id).stream()
                .filter(a -> a.state == ActionState.AWAITING_CUSTODIAN)
                .map(DecisionAction::custodianTask)
                .toList();
    }

    private void carryOut(DsarRequest request, SubjectRecord record, List<DecisionAction> actions) {
        if (has(actions, Action.RECTIFY, Custody.INTERNAL)) {
            registry.rectify(record, request.changes, request.identifiers);
        }
        if (has(actions, Action.RESTRICT, Custody.INTERNAL)) {
            registry.restrict(record, request.reference);
        }
        Set<String> erased = actions.stream().filter(a -> a.action == Action.ERASE)
                .map(a -> a.holdingKey).collect(Collectors.toSet());
        boolean kept = actions.stream().anyMatch(a -> KEEPS_DATA.contains(a.action));
        if (!erased.isEmpty()) {
            registry.erase(record, erased, kept);
        }
        if (kept && actions.stream().anyMatch(a -> a.action == Action.RETAIN_PSEUDONYMISED)) {
            registry.pseudonymise(record);
        }
    }

    private static boolean has(List<DecisionAction> actions, Action action, Custody custody) {
        return actions.stream().anyMatch(a -> a.action == action && a.custody == custody);
    }

    private void notifyRecipients(DsarRequest request, List<DecisionAction> actions, Instant now) {
        Map<String, Set<Action>> toldByStudy = new LinkedHashMap<>();
        for (DecisionAction action : actions) {
            if (action.action.isToldToRecipients()) {
                toldByStudy.computeIfAbsent(action.studyKey, k -> EnumSet.noneOf(Action.class)).add(action.action);
            }
        }
        toldByStudy.forEach((studyKey, told) -> Optional.ofNullable(Study.<Study>findById(studyKey))
                .ifPresent(study -> study.recipients.forEach(recipient -> {
                    RecipientNotice notice = new RecipientNotice();
                    notice.requestId = request.id;
                    notice.studyKey = studyKey;
                    notice.recipient = recipient;
                    notice.actions = told.stream().map(Enum::name).collect(Collectors.joining(","));
                    notice.recordedAt = now;
                    notice.persist();
                    audit.record(request.reference, "RECIPIENT_NOTIFIED", AuditLog.detail("studyKey", studyKey,
                            "recipient", recipient, "actions", notice.actions));
                })));
    }
}
