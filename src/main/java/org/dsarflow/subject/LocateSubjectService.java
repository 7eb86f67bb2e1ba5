package org.dsarflow.subject;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.dsarflow.audit.AuditLog;
import org.dsarflow.deadline.ClockEvent;
import org.dsarflow.deadline.ClockEventKind;
import org.dsarflow.deadline.ClockState;
import org.dsarflow.deadline.RequestClockService;
import org.dsarflow.intake.DsarRequest;
import org.dsarflow.intake.MatchedRecord;
import org.dsarflow.intake.RequestView;
import org.dsarflow.intake.RequestViews;
import org.dsarflow.notification.EmailTemplate;
import org.dsarflow.notification.Notifications;
import org.dsarflow.process.RequestProcess;
import org.dsarflow.shared.ConflictException;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

/** Locates the person a request is about, and takes more identifiers when the first ones were not enough. */
@ApplicationScoped
public class LocateSubjectService {

    private static final Logger LOG = Logger.getLogger(LocateSubjectService.class);

    private final SubjectLocator locator;
    private final RequestProcess process;
    private final RequestClockService clocks;
    private final RequestViews views;
    private final AuditLog audit;
    private final Notifications notifications;
    private final Clock clock;

    LocateSubjectService(SubjectLocator locator, RequestProcess process, RequestClockService clocks,
                         RequestViews views, AuditLog audit, Notifications notifications, Clock clock) {
        this.audit = audit;
        this.notifications = notifications;
        this.locator = locator;
        this.process = process;
        this.clocks = clocks;
        this.views = views;
        this.clock = clock;
    }

    /** The {@code locateSubject} step: records the match on the request and answers its status. */
    @Transactional
    public MatchStatus locate(String reference) {
        DsarRequest request = DsarRequest.require(reference);
        SubjectLocator.Match match = locator.locate(request.identifiers, request.studyKeys);
        request.recordMatch(match.status(), match.candidates().stream()
                .map(c -> new MatchedRecord(c.studyKey(), c.subjectRef())).toList());
        LOG.infof("Request %s: subject %s (%d records)", reference, match.status(), match.candidates().size());
        audit.record(reference, "SUBJECT_LOCATED", AuditLog.detail("status", match.status(),
                "records", match.candidates().size()));
        return match.status();
    }

    @Transactional
    public RequestView addIdentifiers(String reference, IdentifiersBody body, String actor) {
        DsarRequest request = awaitingIdentifiers(reference);
        LocalDate on = body.on() == null ? LocalDate.now(clock) : body.on();
        body.identifiers().forEach((key, value) -> request.identifiers.put(key, value.strip()));
        audit.record(reference, "IDENTIFIERS_ADDED", AuditLog.detail("identifierKeys", body.identifiers().keySet(),
                "on", on));
        if (request.clockState == ClockState.PAUSED) {
            clocks.record(request, new ClockEvent(ClockEventKind.CLARIFICATION_RECEIVED, on, null), actor);
        }
        process.identifiersReceived(reference);
        return views.of(request);
    }

    @Transactional
    public RequestView closeNoDataHeld(String reference, String actor) {
        DsarRequest request = awaitingIdentifiers(reference);
        request.closeNoDataHeld(Instant.now(clock));
        audit.record(reference, "REQUEST_CLOSED_NO_DATA_HELD", AuditLog.detail("status", request.status,
                "outcome", request.outcome));
        process.noDataHeld(reference);
        notifications.send(reference, EmailTemplate.RESPONSE);
        LOG.infof("Request %s closed by %s: no data held", reference, actor);
        return views.of(request);
    }

    private DsarRequest awaitingIdentifiers(String reference) {
        DsarRequest request = DsarRequest.require(reference);
        if (request.status.isClosed()) {
            throw new ConflictException("REQUEST_CLOSED", "Request " + reference + " is " + request.status);
        }
        if (!process.awaitingIdentifiers(reference)) {
            throw new ConflictException("NOT_AWAITING_IDENTIFIERS",
                    "Request " + reference + " is not waiting for identifiers: its subject was located");
        }
        return request;
    }
}
