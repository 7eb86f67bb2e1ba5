package org.dsarflow.view;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.dsarflow.complaint.Complaint;
import org.dsarflow.deadline.CalendarService;
import org.dsarflow.deadline.ClockReading;
import org.dsarflow.deadline.RequestClockService;
import org.dsarflow.deadline.StatutoryRegime;
import org.dsarflow.decision.ChildJudgement;
import org.dsarflow.intake.Authority;
import org.dsarflow.intake.ClockState;
import org.dsarflow.intake.DsarRequest;
import org.dsarflow.intake.Receipt;
import org.dsarflow.fulfilment.Search;
import org.dsarflow.fulfilment.SearchView;
import org.dsarflow.repeat.RelatedRequest;
import org.dsarflow.repeat.RelatedRequests;
import org.dsarflow.shared.DsarConfig;
import org.dsarflow.subject.MatchedRecord;
import org.dsarflow.subject.SubjectMatch;
import org.dsarflow.subject.SubjectRecord;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Builds request views, reading each request's clock as of today. Its own reads run in a transaction of
 * their own, so a view can be built from a request a service has just changed and committed.
 */
@ApplicationScoped
public class RequestViews {

    private final RequestClockService clocks;
    private final CalendarService calendars;
    private final DsarConfig config;
    private final IncidentDesk incidents;
    private final RelatedRequests related;
    private final Clock clock;

    RequestViews(RequestClockService clocks, CalendarService calendars, DsarConfig config, IncidentDesk incidents,
                 RelatedRequests related, Clock clock) {
        this.related = related;
        this.clocks = clocks;
        this.calendars = calendars;
        this.config = config;
        this.incidents = incidents;
        this.clock = clock;
    }

    /** The DPO's view of the request. */
    @Transactional
    public RequestView of(DsarRequest request) {
        return of(List.of(request)).get(0);
    }

    /** The auditor's view, or the DPO's. */
    @Transactional
    public RequestView of(DsarRequest request, boolean auditor) {
        RequestView view = of(request);
        return auditor ? view.forAuditor() : view;
    }

    /**
     * A request's deadline as it stands today, whether it is overdue or due soon (never once closed), the
     * state of its clock and the rules it runs by.
     */
    public record Due(LocalDate deadline, boolean overdue, boolean dueSoon, ClockState clock,
                      StatutoryRegime regime) {
    }

    /** Each request's deadline as it stands today, by id: all the inbox needs of a request's clock. */
    @Transactional
    public Map<Long, Due> due(List<DsarRequest> requests) {
        Map<Long, ClockReading> readings = clocks.readings(requests);
        LocalDate today = LocalDate.now(clock);
        return requests.stream().collect(Collectors.toMap(r -> r.id, r -> due(r, readings.get(r.id), today)));
    }

    @Transactional
    public List<RequestView> of(List<DsarRequest> requests) {
        Map<Long, ClockReading> readings = clocks.readings(requests);
        LocalDate today = LocalDate.now(clock);
        List<Long> ids = requests.stream().map(r -> r.id).toList();
        Map<Long, SubjectMatch> matches = ids.isEmpty() ? Map.of() : SubjectMatch.of(ids);
        Decisions decisions = Decisions.of(requests);
        List<String> references = requests.stream().map(r -> r.reference).toList();
        Map<String, List<RequestView.Incident>> open = incidents.of(references);
        Map<String, List<RequestView.ComplaintLink>> complaints = complaintsAbout(references);
        Set<Long> children = aboutAChild(requests, matches);
        Map<Long, List<SearchView>> searches = Search.ofRequests(ids);
        Map<Long, List<RelatedRequest>> repeats = related.of(requests);
        return requests.stream().map(r -> view(r, readings.get(r.id), today, matches.get(r.id), decisions,
                open.getOrDefault(r.reference, List.of()), complaints.getOrDefault(r.reference, List.of()),
                children.contains(r.id), searches.getOrDefault(r.id, List.of()), repeats.getOrDefault(r.id, List.of())))
                .toList();
    }

    /**
     * The requests about a child: the requester said the subject is one, or a record the subject was located by
     * is a child's (ChildJudgement's categories). One query for the page, a seek per record.
     */
    private static Set<Long> aboutAChild(List<DsarRequest> requests, Map<Long, SubjectMatch> matches) {
        Set<Long> children = new HashSet<>();
        Map<MatchedRecord, List<Long>> byRecord = new HashMap<>();
        for (DsarRequest request : requests) {
            if (request.madeOnBehalf() && ChildJudgement.isChild(request.onBehalfOf.subjectCategory)) {
                children.add(request.id);
            }
            SubjectMatch match = matches.get(request.id);
            if (match != null) {
                match.records.forEach(record -> byRecord.computeIfAbsent(record, r -> new ArrayList<>()).add(request.id));
            }
        }
        if (!byRecord.isEmpty()) {
            SubjectRecord.inCategories(byRecord.keySet(), ChildJudgement.CHILD_CATEGORIES)
                    .forEach(record -> children.addAll(byRecord.get(record)));
        }
        return children;
    }

    private static Map<String, List<RequestView.ComplaintLink>> complaintsAbout(List<String> references) {
        if (references.isEmpty()) {
            return Map.of();
        }
        return Complaint.<Complaint>list("aboutReference in ?1 order by id", references).stream()
                .collect(Collectors.groupingBy(c -> c.aboutReference,
                        Collectors.mapping(c -> new RequestView.ComplaintLink(c.reference, c.status),
                                Collectors.toList())));
    }

    private Due due(DsarRequest request, ClockReading reading, LocalDate today) {
        boolean open = !request.status.isClosed();
        return new Due(reading.deadline(), open && reading.overdue(today),
                open && reading.dueSoon(today, calendars.calendar(), config.dueSoonWorkingDays()), reading.state(),
                reading.regime());
    }

    private RequestView view(DsarRequest request, ClockReading reading, LocalDate today, SubjectMatch match,
                             Decisions decisions, List<RequestView.Incident> incidents,
                             List<RequestView.ComplaintLink> complaints, boolean aboutAChild,
                             List<SearchView> searches, List<RelatedRequest> relatedRequests) {
        Due due = due(request, reading, today);
        return new RequestView(
                request.reference,
                request.type,
                request.status,
                request.channel,
                Receipt.display(request.receivedAt, request.receivedTimeKnown, request.receivedOn, config.timeZone()),
                request.receivedOn,
                reading.clockStartedOn(),
                due.deadline(),
                reading.extended(),
                reading.regime().summary(),
                new RequestView.Clock(reading.state(), reading.pausedDays(), reading.pausedSince(), reading.awaiting(),
                        reading.note()),
                due.overdue(),
                due.dueSoon(),
                match == null ? null : new RequestView.Match(match.status, match.sorted()),
                decisions.decision(request),
                decisions.notifications(request),
                decisions.restriction(request),
                incidents,
                request.outcome,
                onBehalfOf(request),
                complaints,
                aboutAChild,
                searches,
                relatedRequests,
                (int) relatedRequests.stream().filter(other -> other.type() == request.type).count(),
                request.duplicateOf);
    }

    /** Whom a representative acts for and the authority they showed; null for the subject's own request. */
    private static RequestView.OnBehalfOf onBehalfOf(DsarRequest request) {
        if (!request.madeOnBehalf()) {
            return null;
        }
        Authority authority = request.authority;
        return new RequestView.OnBehalfOf(request.onBehalfOf.relationship, request.onBehalfOf.subjectName,
                request.onBehalfOf.subjectCategory, authority == null ? null : new RequestView.Authority(authority.evidence, authority.receivedOn,
                        authority.recordedBy, authority.recordedAt));
    }
}
