package org.dsarflow.repeat;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import org.dsarflow.audit.AuditLog;
import org.dsarflow.intake.DsarRequest;
import org.dsarflow.shared.ConflictException;
import org.dsarflow.shared.InvalidInputException;
import org.dsarflow.shared.RetriedOnConcurrentChange;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;

/**
 * Closes a request as a duplicate of an open request from the same person, only ever on the DPO's word:
 * the earlier request answers both, and the requester is told under which reference.
 */
@ApplicationScoped
public class DuplicateService {

    private static final Logger LOG = Logger.getLogger(DuplicateService.class);

    private final AuditLog audit;
    private final Event<RequestClosedAsDuplicate> closed;
    private final Clock clock;

    DuplicateService(AuditLog audit, Event<RequestClosedAsDuplicate> closed, Clock clock) {
        this.audit = audit;
        this.closed = closed;
        this.clock = clock;
    }

    /**
     * 404 for an unknown request, 400 for an unknown original; 409 REQUEST_CLOSED, DUPLICATE_OF_ITSELF,
     * ORIGINAL_CLOSED, or NOT_THE_SAME_PERSON when the two share no lookup hash.
     */
    @Transactional
    @RetriedOnConcurrentChange
    public DsarRequest closeAsDuplicate(String reference, DuplicateOfBody body, String actor) {
        DsarRequest request = DsarRequest.requireLocked(reference).requireOpen();
        String originalReference = body.reference().strip();
        if (originalReference.equals(reference)) {
            throw new ConflictException("DUPLICATE_OF_ITSELF", "Request " + reference + " cannot be a duplicate of itself");
        }
        DsarRequest original = DsarRequest.findByReference(originalReference).orElseThrow(() ->
                new InvalidInputException("reference", "Request " + originalReference + " does not exist"));
        if (original.status.isClosed()) {
            throw new ConflictException("ORIGINAL_CLOSED", "Request " + originalReference + " is " + original.status
                    + ": a duplicate is closed only in favour of an open request");
        }
        if (!RelatedRequests.samePerson(request, original)) {
            throw new ConflictException("NOT_THE_SAME_PERSON", "Requests " + reference + " and " + originalReference
                    + " share no email address or identifier: they are not known to come from the same person");
        }
        request.closeAsDuplicateOf(originalReference, Instant.now(clock));
        audit.record(reference, "REQUEST_CLOSED_AS_DUPLICATE", AuditLog.detail("status", request.status,
                "outcome", request.outcome, "duplicateOf", originalReference, "originalType", original.type,
                "sameType", original.type == request.type));
        audit.record(originalReference, "DUPLICATE_CLOSED_IN_FAVOUR", AuditLog.detail("duplicate", reference));
        closed.fire(new RequestClosedAsDuplicate(reference, originalReference));
        LOG.infof("Request %s closed by %s as a duplicate of %s", reference, actor, originalReference);
        return request;
    }
}
