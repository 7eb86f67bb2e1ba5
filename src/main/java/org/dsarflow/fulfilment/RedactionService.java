package org.dsarflow.fulfilment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import org.dsarflow.audit.AuditLog;
import org.dsarflow.decision.DecisionAction;
import org.dsarflow.intake.DsarRequest;
import org.dsarflow.shared.ConflictException;
import org.dsarflow.shared.InvalidInputException;
import org.dsarflow.shared.RetriedOnConcurrentChange;
import org.dsarflow.shared.UnknownResourceException;
import org.dsarflow.subject.Study;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Other people's information in an access response (UK GDPR Art. 15(4); DPA 2018 Sch. 2 para 16): the copy of
 * a holding liable to contain it goes only once the DPO records that it was redacted, that they consented, or
 * that disclosing it was judged reasonable.
 */
@ApplicationScoped
public class RedactionService {

    private static final Logger LOG = Logger.getLogger(RedactionService.class);

    private final AuditLog audit;
    private final Event<RedactionRecorded> recorded;
    private final Clock clock;

    RedactionService(AuditLog audit, Event<RedactionRecorded> recorded, Clock clock) {
        this.audit = audit;
        this.recorded = recorded;
        this.clock = clock;
    }

    @Transactional
    @RetriedOnConcurrentChange
    public DsarRequest record(String reference, RedactionBody body, String actor) {
        DsarRequest request = DsarRequest.require(reference);
        DecisionAction action = action(request, body);
        if (action.redaction != null) {
            if (action.redaction == body.outcome()) {
                return request;
            }
            throw new ConflictException("REDACTION_ALREADY_RECORDED", "What was done with other people's "
                    + "information in " + action.custodianTask() + " is recorded already: " + action.redaction);
        }
        request.requireOpen();
        if (!action.redactionNeeded) {
            throw new ConflictException("NO_REDACTION_STEP", "The copy of " + action.custodianTask()
                    + " waits for no redaction: only an approved access request's export of a holding liable to "
                    + "contain other people's information does");
        }
        action.redactionRecorded(body.outcome(), body.reasons().strip(), actor, Instant.now(clock));
        // The reasons are free text about other people: the audit says only which of the three applied.
        audit.recordAt(RedactionRecorded.ACTIVITY, reference, "REDACTION_RECORDED", AuditLog.detail(
                "studyKey", action.studyKey, "holdingKey", action.holdingKey, "outcome", action.redaction));
        recorded.fire(new RedactionRecorded(reference, action.custodianTask()));
        LOG.infof("Request %s: other people's information in %s %s, recorded by %s", reference,
                action.custodianTask(), action.redaction, actor);
        return request;
    }

    private static DecisionAction action(DsarRequest request, RedactionBody body) {
        if (body.studyKey() != null) {
            Study.requireKnown("studyKey", body.studyKey().strip());
        }
        List<DecisionAction> matching = DecisionAction.of(request.id).stream()
                .filter(a -> a.holdingKey.equals(body.holdingKey().strip()))
                .filter(a -> body.studyKey() == null || a.studyKey.equals(body.studyKey().strip()))
                .toList();
        if (matching.isEmpty()) {
            throw new UnknownResourceException("Holding of the decision", body.holdingKey().strip());
        }
        if (matching.size() > 1) {
            throw new InvalidInputException("studyKey", "several matched studies have that holding: name the study");
        }
        return matching.get(0);
    }
}
