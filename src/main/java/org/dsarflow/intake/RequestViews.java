package org.dsarflow.intake;

import jakarta.enterprise.context.ApplicationScoped;
import org.dsarflow.deadline.CalendarService;
import org.dsarflow.deadline.ClockReading;
import org.dsarflow.deadline.RequestClockService;
import org.dsarflow.shared.DsarConfig;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Builds request views, reading each request's clock as of today. */
@ApplicationScoped
public class RequestViews {

    private static final Comparator<MatchedRecord> BY_STUDY =
            Comparator.comparing(MatchedRecord::studyKey).thenComparing(MatchedRecord::subjectRef);

    private final RequestClockService clocks;
    private final CalendarService calendars;
    private final DsarConfig config;
    private final Incidents incidents;
    private final Clock clock;

    RequestViews(RequestClockService clocks, CalendarService calendars, DsarConfig config, Incidents incidents,
                 Clock clock) {
        this.incidents = incidents;
        this.clocks = clocks;
        this.calendars = calendars;
        this.config = config;
        this.clock = clock;
    }

    public RequestView of(DsarRequest request) {
        return of(List.of(request)).get(0);
    }

    public List<RequestView> of(List<DsarRequest> requests) {
        Map<Long, ClockReading> readings = clocks.readings(requests);
        LocalDate today = LocalDate.now(clock);
        Decisions decisions = Decisions.of(requests);
        Map<String, List<RequestView.Incident>> open = incidents.of(requests.stream().map(r -> r.reference).toList());
        return requests.stream().map(r -> view(r, readings.get(r.id), today, decisions,
                open.getOrDefault(r.reference, List.of()))).toList();
    }

    private RequestView view(DsarRequest request, ClockReading reading, LocalDate today, Decisions decisions,
                             List<RequestView.Incident> incidents) {
        boolean open = !request.status.isClosed();
        return new RequestView(
                request.reference,
                request.type,
                request.status,
                request.channel,
                Receipt.display(request.receivedAt, request.receivedTimeKnown, request.receivedOn, config.timeZone()),
                request.receivedOn,
                reading.clockStartedOn(),
                reading.deadline(),
                reading.extended(),
                new RequestView.Clock(reading.state(), reading.pausedDays(), reading.pausedSince(), reading.awaiting()),
                open && reading.overdue(today),
                open && reading.dueSoon(today, calendars.calendar(), config.dueSoonWorkingDays()),
                request.matchStatus == null ? null
                        : new RequestView.Match(request.matchStatus, request.matches.stream().sorted(BY_STUDY).toList()),
                decisions.decision(request),
                decisions.notifications(request),
                decisions.restriction(request),
                incidents,
                request.outcome);
    }
}
