package org.dsarflow.fulfilment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.dsarflow.audit.AuditLog;
import org.dsarflow.decision.DecisionAction;
import org.dsarflow.intake.DsarRequest;
import org.dsarflow.shared.ConflictException;
import org.dsarflow.subject.RegistryMaintenance;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;

/** Lifts the restriction a request placed, so its records may be processed and exported again. */
@ApplicationScoped
public class RestrictionService {

    private static final Logger LOG = Logger.getLogger(RestrictionService.class);

    private final RegistryMaintenance registry;
    private final AuditLog audit;
    private final Clock clock;

    RestrictionService(RegistryMaintenance registry, AuditLog audit, Clock clock) {
        this.audit = audit;
        this.registry = registry;
        this.clock = clock;
    }

    @Transactional
    public DsarRequest lift(String reference, LiftRestrictionBody body, String actor) {
        DsarRequest request = DsarRequest.require(reference);
        boolean restricted = DecisionAction.of(request.id).stream()
                .anyMatch(DecisionAction::placedRestriction);
        if (!restricted) {
            throw new ConflictException("NOT_RESTRICTED", "Request " + reference + " has restricted nothing");
        }
        if (request.restrictionLiftedAt != null) {
            throw new ConflictException("RESTRICTION_LIFTED", "The restriction of request " + reference
                    + " was lifted at " + request.restrictionLiftedAt);
        }
        long records = registry.liftRestrictions(reference);
        request.restrictionLifted(body.reason().strip(), Instant.now(clock));
        audit.record(reference, "RESTRICTION_LIFTED", AuditLog.detail("records", records));
        LOG.infof("Request %s: restriction lifted by %s on %d registry records", reference, actor, records);
        return request;
    }
}
