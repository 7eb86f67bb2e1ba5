package org.dsarflow.fulfilment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import org.dsarflow.audit.AuditLog;
import org.dsarflow.decision.ActionState;
import org.dsarflow.decision.DecisionAction;
import org.dsarflow.intake.DsarRequest;
import org.dsarflow.shared.ConflictException;
import org.dsarflow.shared.InvalidInputException;
import org.dsarflow.shared.RetriedOnConcurrentChange;
import org.dsarflow.shared.UnknownResourceException;
import org.dsarflow.subject.Custody;
import org.dsarflow.subject.Study;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Custodians of external holdings confirm they have acted; the request responds once all have. */
@ApplicationScoped
public class CustodianService {

    private static final Logger LOG = Logger.getLogger(CustodianService.class);

    private final AuditLog audit;
    private final Event<CustodianConfirmed> confirmed;
    private final Clock clock;

    CustodianService(AuditLog audit, Event<CustodianConfirmed> confirmed, Clock clock) {
        this.audit = audit;
        this.confirmed = confirmed;
        this.clock = clock;
    }

    @Transactional
    @RetriedOnConcurrentChange
    public DsarRequest confirm(String reference, CustodianConfirmationBody body, String actor) {
        DsarRequest request = DsarRequest.require(reference);
        DecisionAction action = custodianAction(request, body);
        if (action.state == ActionState.DONE) {
            if (action.custodianConfirmedOn.equals(body.confirmedOn())) {
                return request;
            }
            throw new ConflictException("ALREADY_CONFIRMED", "The custodian of " + action.custodianTask()
                    + " already confirmed on " + action.custodianConfirmedOn);
        }
        request.requireOpen();
        if (action.state != ActionState.AWAITING_CUSTODIAN) {
            throw new ConflictException("NOT_AWAITING_CUSTODIAN", "The action on " + action.custodianTask()
                    + " is " + action.state + ": custodians act once the DPO has approved the decision");
        }
        LocalDate today = LocalDate.now(clock);
        if (body.confirmedOn().isAfter(today)) {
            throw new InvalidInputException("confirmedOn", "confirmedOn must not be in the future");
        }
        if (body.confirmedOn().isBefore(request.receivedOn)) {
            throw new InvalidInputException("confirmedOn", "confirmedOn must not be before the request was received");
        }
        action.confirmedByCustodian(body.confirmedOn(),
                body.note() == null || body.note().isBlank() ? null : body.note().strip(), actor, Instant.now(clock));
        audit.recordAs(actor, CustodianConfirmed.ACTIVITY, reference, "CUSTODIAN_CONFIRMED", AuditLog.detail(
                "studyKey", action.studyKey, "holdingKey", action.holdingKey, "action", action.action,
                "confirmedOn", action.custodianConfirmedOn));
        confirmed.fire(new CustodianConfirmed(reference, action.custodianTask(), actor));
        LOG.infof("Request %s: custodian of %s confirmed, recorded by %s", reference, action.custodianTask(), actor);
        return request;
    }

    private static DecisionAction custodianAction(DsarRequest request, CustodianConfirmationBody body) {
        if (body.studyKey() != null) {
            Study.requireKnown("studyKey", body.studyKey().strip());
        }
        List<DecisionAction> matching = DecisionAction.of(request.id).stream()
                .filter(a -> a.custody == Custody.EXTERNAL && a.action.isCarriedOut())
                .filter(a -> a.holdingKey.equals(body.holdingKey().strip()))
                .filter(a -> body.studyKey() == null || a.studyKey.equals(body.studyKey().strip()))
                .toList();
        if (matching.isEmpty()) {
            throw new UnknownResourceException("Custodian task for holding", body.holdingKey().strip());
        }
        if (matching.size() > 1) {
            throw new InvalidInputException("studyKey", "several matched studies have that holding: name the study");
        }
        return matching.get(0);
    }
}
