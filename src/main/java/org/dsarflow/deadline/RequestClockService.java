package org.dsarflow.deadline;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import org.dsarflow.audit.AuditLog;
import org.dsarflow.intake.AuthorityRecorded;
import org.dsarflow.intake.DsarRequest;
import org.dsarflow.intake.RequestStatus;
import org.dsarflow.shared.ConflictException;
import org.dsarflow.shared.InvalidInputException;
import org.dsarflow.shared.RetriedOnConcurrentChange;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/** Each request's statutory clock: replayed from its recorded events over the calendar in force. */
@ApplicationScoped
public class RequestClockService {

    private static final Logger LOG = Logger.getLogger(RequestClockService.class);

    private final CalendarService calendars;
    private final AuditLog audit;
    private final Event<ClockEventRecorded> recorded;
    private final Clock clock;

    RequestClockService(CalendarService calendars, AuditLog audit, Event<ClockEventRecorded> recorded, Clock clock) {
        this.calendars = calendars;
        this.audit = audit;
        this.recorded = recorded;
        this.clock = clock;
    }

    public ClockReading reading(DsarRequest request) {
        return readings(List.of(request)).get(request.id);
    }

    /** One query for the events of all the requests, for a page of the request list. */
    public Map<Long, ClockReading> readings(Collection<DsarRequest> requests) {
        return readings(requests, calendars.calendar());
    }

    private Map<Long, ClockReading> readings(Collection<DsarRequest> requests, BankHolidayCalendar calendar) {
        if (requests.isEmpty()) {
            return Map.of();
        }
        Map<Long, List<ClockEvent>> events = RecordedClockEvent.forRequests(
                        requests.stream().map(r -> r.id).toList()).stream()
                .collect(Collectors.groupingBy(e -> e.requestId,
                        Collectors.mapping(RecordedClockEvent::toClockEvent, Collectors.toList())));
        LocalDate today = LocalDate.now(clock);
        return requests.stream().collect(Collectors.toMap(r -> r.id, r ->
                RequestClock.restore(r.receivedOn, r.type, events.getOrDefault(r.id, List.of()), calendar)
                        .read(calendar, today), (a, b) -> a, LinkedHashMap::new));
    }

    /**
     * Stores the deadline as it now stands; called from the process and when the calendar changes. The
     * request is locked before the calendar version, the order a calendar replacement takes them in too.
     */
    @Transactional
    public void recordDeadline(String reference) {
        DsarRequest request = DsarRequest.requireLocked(reference);
        ClockReading reading = readings(List.of(request), calendars.calendarForStoring()).get(request.id);
        LocalDate previous = request.deadline;
        boolean first = request.clockState == null;
        request.recordClock(reading.recorded(), reading.openStatus(request.awaitingReview()));
        if (first || !Objects.equals(previous, reading.deadline())) {
            audit.record(reference, first ? "DEADLINE_COMPUTED" : "DEADLINE_MOVED", AuditLog.detail(
                    "deadline", reading.deadline(), "previous", previous, "clock", reading.state(),
                    "extended", reading.extended(), "pausedDays", reading.pausedDays()));
        }
    }

    @Transactional
    @RetriedOnConcurrentChange
    public DsarRequest recordClockEvent(String reference, ClockEventBody body, String actor) {
        DsarRequest request = DsarRequest.requireLocked(reference);
        boolean needsReason = body.kind() == ClockEventKind.EXTENSION_NOTIFIED;
        if (needsReason && (body.reason() == null || body.reason().isBlank())) {
            throw new InvalidInputException("reason", "an extension needs its reason (complex or numerous requests)");
        }
        request.requireOpen();
        if (body.kind() == ClockEventKind.AUTHORITY_RECEIVED) {
            throw new InvalidInputException("kind",
                    "AUTHORITY_RECEIVED is recorded with the authority itself: POST /api/requests/{ref}/authority");
        }
        if (body.kind() == ClockEventKind.AUTHORITY_REQUESTED && !request.awaitingAuthority()) {
            throw new ConflictException("NO_AUTHORITY_NEEDED", "Request " + reference + (request.madeOnBehalf()
                    ? " has its authority recorded already" : " was made by the data subject: no authority is needed"));
        }
        record(request, new ClockEvent(body.kind(), body.on(), needsReason ? body.reason().strip() : body.reason()),
                actor);
        return request;
    }

    /**
     * Records the answer to an open clarification, if there is one: paused or, under Art 12A(5) for a
     * request other than access, left running.
     */
    public void clarificationAnswered(DsarRequest request, LocalDate on, String actor) {
        List<ClockEvent> events = RecordedClockEvent.forRequests(List.of(request.id)).stream()
                .map(RecordedClockEvent::toClockEvent).toList();
        if (RequestClock.restore(request.receivedOn, request.type, events, calendars.calendar())
                .awaitingClarification()) {
            record(request, new ClockEvent(ClockEventKind.CLARIFICATION_RECEIVED, on, null), actor);
        }
    }

    /** Checks the event against the clock, stores it and announces it, so the deadline is recalculated. */
    public void record(DsarRequest request, ClockEvent event, String actor) {
        if (event.on().isAfter(LocalDate.now(clock))) {
            throw new InvalidInputException("on", "on must not be in the future");
        }
        if (event.on().isBefore(request.receivedOn)) {
            throw new InvalidInputException("on", "on must not be before the receipt date " + request.receivedOn);
        }
        List<ClockEvent> events = RecordedClockEvent.forRequests(List.of(request.id)).stream()
                .map(RecordedClockEvent::toClockEvent).toList();
        BankHolidayCalendar calendar = calendars.calendar();
        try {
            RequestClock.restore(request.receivedOn, request.type, events, calendar).apply(event, calendar);
        } catch (ClockEventRejectedException e) {
            throw new ConflictException(e.reason().name(), e.getMessage());
        }
        RecordedClockEvent.of(request.id, event, Instant.now(clock), actor).persistAndFlush();
        // The reason is free text that may name people, so only the kind and date are audited.
        audit.record(request.reference, "CLOCK_EVENT_RECORDED", AuditLog.detail("kind", event.kind(), "on", event.on()));
        recorded.fire(new ClockEventRecorded(request.reference, event.kind()));
    }

    /** The authority the clock was stopped for has arrived: the month runs from the day it did. */
    void onAuthorityRecorded(@Observes AuthorityRecorded authority) {
        DsarRequest request = DsarRequest.require(authority.reference());
        if (reading(request).awaiting().contains(ClockStop.AUTHORITY)) {
            record(request, new ClockEvent(ClockEventKind.AUTHORITY_RECEIVED, authority.receivedOn(), null),
                    authority.recordedBy());
        }
    }

    void onCalendarReplaced(@Observes CalendarReplaced replaced) {
        List<String> open = DsarRequest.<DsarRequest>list("status not in ?1", RequestStatus.closed()).stream()
                .map(r -> r.reference).toList();
        open.forEach(this::recordDeadline);
        LOG.infof("Deadlines of %d open requests recalculated on the new calendar", open.size());
    }
}
