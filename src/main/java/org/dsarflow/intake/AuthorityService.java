package org.dsarflow.intake;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import org.dsarflow.audit.AuditLog;
import org.dsarflow.shared.InvalidInputException;
import org.dsarflow.shared.RetriedOnConcurrentChange;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Records a representative's authority to act for the data subject (ICO: a third party acts only with the
 * subject's authority, which the controller may satisfy itself of). Until it is recorded nothing is disclosed.
 */
@ApplicationScoped
public class AuthorityService {

    private static final Logger LOG = Logger.getLogger(AuthorityService.class);

    private final AuditLog audit;
    private final Event<AuthorityRecorded> recorded;
    private final Clock clock;

    AuthorityService(AuditLog audit, Event<AuthorityRecorded> recorded, Clock clock) {
        this.audit = audit;
        this.recorded = recorded;
        this.clock = clock;
    }

    @Transactional
    @RetriedOnConcurrentChange
    public DsarRequest record(String reference, AuthorityBody body, String actor) {
        DsarRequest request = DsarRequest.requireOpen(reference);
        if (body.receivedOn().isAfter(LocalDate.now(clock))) {
            throw new InvalidInputException("receivedOn", "receivedOn must not be in the future");
        }
        if (body.receivedOn().isBefore(request.receivedOn)) {
            throw new InvalidInputException("receivedOn", "receivedOn must not be before the request was received");
        }
        if (!request.recordAuthority(body.evidence(), body.receivedOn(), actor, Instant.now(clock))) {
            return request;
        }
        // The kind of evidence and its date only: the document itself may name people.
        audit.record(reference, "AUTHORITY_RECORDED", AuditLog.detail("evidence", body.evidence(),
                "receivedOn", body.receivedOn(), "relationship", request.onBehalfOf.relationship));
        recorded.fire(new AuthorityRecorded(reference, body.receivedOn(), actor));
        LOG.infof("Request %s: authority (%s) recorded by %s", reference, body.evidence(), actor);
        return request;
    }
}
