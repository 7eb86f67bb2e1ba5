package org.dsarflow.subject;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import org.dsarflow.audit.AuditLog;
import org.dsarflow.deadline.RequestClockService;
import org.dsarflow.intake.DsarRequest;
import org.dsarflow.shared.ConflictException;
import org.dsarflow.shared.RetriedOnConcurrentChange;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

/** Locates the person a request is about, and takes more identifiers when the first ones were not enough. */
@ApplicationScoped
public class LocateSubjectService {

    private static final Logger LOG = Logger.getLogger(LocateSubjectService.class);

    private final SubjectLocator locator;
    private final RequestClockService clocks;
    private final AuditLog audit;
    private final Event<IdentifiersReceived> identifiersReceived;
    private final Event<NoDataHeld> noDataHeld;
    private final Clock clock;

    LocateSubjectService(SubjectLocator locator, RequestClockService clocks, AuditLog audit,
                         Event<IdentifiersReceived> identifiersReceived, Event<NoDataHeld> noDataHeld, Clock clock) {
        this.locator = locator;
        this.clocks = clocks;
        this.audit = audit;
        this.identifiersReceived = identifiersReceived;
        this.noDataHeld = noDataHeld;
        this.clock = clock;
    }

    /** The {@code locateSubject} step: records the match of the request and answers its status. */
    @Transactional
    public MatchStatus locate(String reference) {
        DsarRequest request = DsarRequest.require(reference);
        SubjectLocator.Match match = locator.locate(request.identifiers, request.studyKeys);
        SubjectMatch.record(request.id, match.status(), match.candidates());
        LOG.infof("Request %s: subject %s (%d records)", reference, match.status(), match.candidates().size());
        audit.record(reference, "SUBJECT_LOCATED", AuditLog.detail("status", match.status(),
                "records", match.candidates().size()));
        return match.status();
    }

    @Transactional
    @RetriedOnConcurrentChange
    public DsarRequest addIdentifiers(String reference, IdentifiersBody body, String actor) {
        DsarRequest request = awaitingIdentifiers(reference);
        LocalDate on = body.on() == null ? LocalDate.now(clock) : body.on();
        request.addIdentifiers(body.identifiers());
        audit.record(reference, "IDENTIFIERS_ADDED", AuditLog.detail("identifierKeys", body.identifiers().keySet(),
                "on", on));
        clocks.clarificationAnswered(request, on, actor);
        identifiersReceived.fire(new IdentifiersReceived(reference));
        return request;
    }

    @Transactional
    @RetriedOnConcurrentChange
    public DsarRequest closeNoDataHeld(String reference, String actor) {
        DsarRequest request = awaitingIdentifiers(reference);
        request.closeNoDataHeld(Instant.now(clock));
        audit.record(reference, "REQUEST_CLOSED_NO_DATA_HELD", AuditLog.detail("status", request.status,
                "outcome", request.outcome));
        noDataHeld.fire(new NoDataHeld(reference));
        LOG.infof("Request %s closed by %s: no data held", reference, actor);
        return request;
    }

    private static DsarRequest awaitingIdentifiers(String reference) {
        DsarRequest request = DsarRequest.requireOpen(reference);
        if (!SubjectMatch.of(request.id).map(SubjectMatch::awaitingIdentifiers).orElse(false)) {
            throw new ConflictException("NOT_AWAITING_IDENTIFIERS",
                    "Request " + reference + " is not waiting for identifiers: its subject was located");
        }
        return request;
    }
}
