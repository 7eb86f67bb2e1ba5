package org.dsarflow.deadline;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import org.dsarflow.audit.AuditLog;
import org.dsarflow.intake.DsarRequest;
import org.dsarflow.intake.RequestStatus;
import org.dsarflow.intake.RequestView;
import org.dsarflow.intake.RequestViews;
import org.dsarflow.notification.EmailTemplate;
import org.dsarflow.notification.Notifications;
import org.dsarflow.process.RequestProcess;
import org.dsarflow.shared.ConflictException;
import org.dsarflow.shared.InvalidInputException;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/** Each request's statutory clock: replayed from its recorded events over the calendar in force. */
@ApplicationScoped
public class RequestClockService {

    private static final Logger LOG = Logger.getLogger(RequestClockService.class);
    /** Clock events the requester is told of, and the email that tells them. */
    private static final Map<ClockEventKind, EmailTemplate> TELL_REQUESTER = Map.of(
            ClockEventKind.IDENTITY_REQUESTED, EmailTemplate.IDENTITY_REQUEST,
            ClockEventKind.FEE_REQUESTED, EmailTemplate.FEE_REQUEST,
            ClockEventKind.CLARIFICATION_REQUESTED, EmailTemplate.CLARIFICATION_REQUEST,
            ClockEventKind.EXTENSION_NOTIFIED, EmailTemplate.EXTENSION_NOTICE);

    private final CalendarService calendars;
    private final RequestProcess process;
    private final RequestViews views;
    private final AuditLog audit;
    private final Notifications notifications;
    private final Clock clock;

    RequestClockService(CalendarService calendars, RequestProcess process, RequestViews views, AuditLog audit,
                        Notifications notifications, Clock clock) {
        this.notifications = notifications;
        this.calendars = calendars;
        this.audit = audit;
        this.process = process;
        this.views = views;
        this.clock = clock;
    }

    public ClockReading reading(DsarRequest request) {
        return readings(List.of(request)).get(request.id);
    }

    /** One query for the events of all the requests, for a page of the request list. */
    public Map<Long, ClockReading> readings(Collection<DsarRequest> requests) {
        if (requests.isEmpty()) {
            return Map.of();
        }
        Map<Long, List<ClockEvent>> events = RecordedClockEvent.forRequests(
                        requests.stream().map(r -> r.id).toList()).stream()
                .collect(Collectors.groupingBy(e -> e.requestId,
                        Collectors.mapping(RecordedClockEvent::toClockEvent, Collectors.toList())));
        BankHolidayCalendar calendar = calendars.calendar();
        LocalDate today = LocalDate.now(clock);
        return requests.stream().collect(Collectors.toMap(r -> r.id, r ->
                RequestClock.restore(r.receivedOn, events.getOrDefault(r.id, List.of()), calendar)
                        .read(calendar, today), (a, b) -> a, LinkedHashMap::new));
    }

    /** Stores the deadline as it now stands; called from the process and when the calendar changes. */
    @Transactional
    public LocalDate recordDeadline(String reference) {
        DsarRequest request = DsarRequest.require(reference);
        ClockReading reading = reading(request);
        LocalDate previous = request.deadline;
        boolean first = request.clockState == null;
        request.recordClock(reading);
        if (first || !Objects.equals(previous, reading.deadline())) {
            audit.record(reference, first ? "DEADLINE_COMPUTED" : "DEADLINE_MOVED", AuditLog.detail(
                    "deadline", reading.deadline(), "previous", previous, "clock", reading.state(),
                    "extended", reading.extended(), "pausedDays", reading.pausedDays()));
        }
        return reading.deadline();
    }

    @Transactional
    public RequestView recordClockEvent(String reference, ClockEventBody body, String actor) {
        DsarRequest request = DsarRequest.require(reference);
        boolean needsReason = body.kind() == ClockEventKind.EXTENSION_NOTIFIED;
        if (needsReason && (body.reason() == null || body.reason().isBlank())) {
            throw new InvalidInputException("reason", "an extension needs its reason (complex or numerous requests)");
        }
        if (request.status.isClosed()) {
            throw new ConflictException("REQUEST_CLOSED", "Request " + reference + " is " + request.status);
        }
        ClockEvent event = new ClockEvent(body.kind(), body.on(), needsReason ? body.reason().strip() : body.reason());
        record(request, event, actor);
        if (event.kind() == ClockEventKind.CLARIFICATION_REQUESTED) {
            process.identifiersRequested(reference);
        }
        Optional.ofNullable(TELL_REQUESTER.get(event.kind())).ifPresent(email -> notifications.send(reference, email));
        return views.of(request);
    }

    /** Checks the event against the clock, stores it and has the process recalculate the deadline. */
    public void record(DsarRequest request, ClockEvent event, String actor) {
        if (event.on().isAfter(LocalDate.now(clock))) {
            throw new InvalidInputException("on", "on must not be in the future");
        }
        if (event.on().isBefore(request.receivedOn)) {
            throw new InvalidInputException("on", "on must not be before the receipt date " + request.receivedOn);
        }
        List<ClockEvent> recorded = RecordedClockEvent.forRequests(List.of(request.id)).stream()
                .map(RecordedClockEvent::toClockEvent).toList();
        BankHolidayCalendar calendar = calendars.calendar();
        try {
            RequestClock.restore(request.receivedOn, recorded, calendar).apply(event, calendar);
        } catch (ClockEventRejectedException e) {
            throw new ConflictException(e.reason().name(), e.getMessage());
        }
        RecordedClockEvent stored = new RecordedClockEvent();
        stored.requestId = request.id;
        stored.kind = event.kind();
        stored.occurredOn = event.on();
        stored.reason = event.reason();
        stored.recordedAt = Instant.now(clock);
        stored.recordedBy = actor;
        stored.persistAndFlush();
        // The reason is free text that may name people, so only the kind and date are audited.
        audit.record(request.reference, "CLOCK_EVENT_RECORDED", AuditLog.detail("kind", event.kind(), "on", event.on()));
        process.clockEventRecorded(request.reference);
    }

    void onCalendarReplaced(@Observes CalendarReplaced replaced) {
        List<String> open = DsarRequest.<DsarRequest>list("status not in ?1", RequestStatus.closed()).stream()
                .map(r -> r.reference).toList();
        open.forEach(this::recordDeadline);
        LOG.infof("Deadlines of %d open requests recalculated on the new calendar", open.size());
    }
}
