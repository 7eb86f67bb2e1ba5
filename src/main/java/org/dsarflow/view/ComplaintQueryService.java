package org.dsarflow.view;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.dsarflow.audit.AuditEntry;
import org.dsarflow.audit.AuditTrail;
import org.dsarflow.complaint.Complaint;
import org.dsarflow.complaint.ComplaintOutcome;
import org.dsarflow.complaint.ComplaintStatus;
import org.dsarflow.complaint.ComplaintUpdate;
import org.dsarflow.intake.DsarRequest;
import org.dsarflow.intake.Receipt;
import org.dsarflow.shared.DsarConfig;
import org.dsarflow.shared.InvalidInputException;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/** Reads complaints for DPO staff and auditors: one, a filtered page, its history and the s.164B report. */
@ApplicationScoped
public class ComplaintQueryService {

    private static final Sort BY_ACKNOWLEDGEMENT_DUE = Sort.by("acknowledgementDue", Sort.Direction.Ascending,
            Sort.NullPrecedence.NULLS_LAST).and("reference");

    private final RequestViews requests;
    private final AuditTrail trail;
    private final DsarConfig config;
    private final Clock clock;

    ComplaintQueryService(RequestViews requests, AuditTrail trail, DsarConfig config, Clock clock) {
        this.requests = requests;
        this.trail = trail;
        this.config = config;
        this.clock = clock;
    }

    /** Filters of {@code GET /api/complaints}; an empty one does not filter. */
    public record Filter(ComplaintStatus status, Boolean acknowledgementOverdue, String about, int page, int size) {
    }

    @Transactional
    public ComplaintView view(String reference, boolean auditor) {
        ComplaintView view = views(List.of(Complaint.require(reference))).get(0);
        return auditor ? view.forAuditor() : view;
    }

    @Transactional
    public ComplaintPage list(Filter filter, boolean auditor) {
        List<String> where = new ArrayList<>();
        Parameters parameters = new Parameters();
        if (filter.status() != null) {
            where.add("status = :status");
            parameters.and("status", filter.status());
        }
        if (filter.acknowledgementOverdue() != null) {
            String overdue = "(status <> :closed and acknowledgedOn is null and acknowledgementDue < :today)";
            where.add(filter.acknowledgementOverdue() ? overdue : "not " + overdue);
            parameters.and("closed", ComplaintStatus.CLOSED).and("today", today());
        }
        if (filter.about() != null) {
            where.add("aboutReference = :about");
            parameters.and("about", filter.about());
        }
        PanacheQuery<Complaint> query = where.isEmpty()
                ? Complaint.findAll(BY_ACKNOWLEDGEMENT_DUE)
                : Complaint.find(String.join(" and ", where), BY_ACKNOWLEDGEMENT_DUE, parameters);
        List<ComplaintView> items = views(query.page(Page.of(filter.page(), filter.size())).list());
        return new ComplaintPage(auditor ? items.stream().map(ComplaintView::forAuditor).toList() : items,
                filter.page(), filter.size(), query.count());
    }

    /** Every audit entry of the complaint, in order. */
    @Transactional
    public List<AuditEntry> history(String reference) {
        return trail.history(Complaint.require(reference).reference);
    }

    /** The s.164B counts of the complaints received from {@code from} to {@code to}, both included. */
    @Transactional
    public ComplaintReport report(LocalDate from, LocalDate to) {
        if (from.isAfter(to)) {
            throw new InvalidInputException("from", "from must not be after to");
        }
        List<Complaint> received = Complaint.list("receivedOn >= ?1 and receivedOn <= ?2", from, to);
        long inTime = received.stream().filter(c -> c.acknowledgementDeadline().metInTime(c.acknowledgedOn)).count();
        long notYet = received.stream().filter(c -> !c.acknowledged()).count();
        Map<ComplaintOutcome, Long> byOutcome = new EnumMap<>(ComplaintOutcome.class);
        for (ComplaintOutcome outcome : ComplaintOutcome.values()) {
            byOutcome.put(outcome, received.stream().filter(c -> c.outcome == outcome).count());
        }
        List<Long> days = received.stream()
                .filter(c -> c.isClosed() && c.outcome != ComplaintOutcome.WITHDRAWN)
                .map(c -> ChronoUnit.DAYS.between(c.receivedOn, c.closedOn)).sorted().toList();
        return new ComplaintReport(from, to, received.size(),
                new ComplaintReport.Acknowledgement(inTime, received.size() - inTime - notYet, notYet),
                received.stream().filter(c -> !c.isClosed()).count(), byOutcome, median(days));
    }

    private static Double median(List<Long> sorted) {
        if (sorted.isEmpty()) {
            return null;
        }
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle)
                : (sorted.get(middle - 1) + sorted.get(middle)) / 2.0;
    }

    private List<ComplaintView> views(List<Complaint> complaints) {
        List<String> abouts = complaints.stream().map(c -> c.aboutReference).filter(Objects::nonNull).distinct().toList();
        List<DsarRequest> about = abouts.isEmpty() ? List.of() : DsarRequest.list("reference in ?1", abouts);
        Map<Long, RequestViews.Due> due = requests.due(about);
        Map<String, ComplaintView.About> aboutByReference = about.stream().collect(Collectors.toMap(r -> r.reference,
                r -> new ComplaintView.About(r.reference, r.status, due.get(r.id).deadline())));
        List<Long> ids = complaints.stream().map(c -> c.id).toList();
        Map<Long, List<ComplaintUpdate>> updates = ids.isEmpty() ? Map.of()
                : ComplaintUpdate.<ComplaintUpdate>list("complaintId in ?1 order by number", ids).stream()
                .collect(Collectors.groupingBy(u -> u.complaintId));
        return complaints.stream().map(c -> view(c, aboutByReference.get(c.aboutReference),
                updates.getOrDefault(c.id, List.of()))).toList();
    }

    private ComplaintView view(Complaint c, ComplaintView.About about, List<ComplaintUpdate> updates) {
        return new ComplaintView(
                c.reference,
                c.status,
                c.channel,
                Receipt.display(c.receivedAt, c.receivedTimeKnown, c.receivedOn, config.timeZone()),
                c.receivedOn,
                c.acknowledgementDue,
                c.acknowledgedOn,
                c.acknowledgedBy,
                c.acknowledgementDeadline().metInTime(c.acknowledgedOn),
                !c.isClosed() && c.acknowledgementDeadline().overdue(c.acknowledgedOn, clock, config.timeZone()),
                c.complainant == null ? null : new ComplaintView.Complainant(c.complainant.name, c.complainant.email,
                        c.complainant.phone, c.complainant.postalAddress),
                c.summary,
                about,
                updates.stream().map(u -> new ComplaintView.Update(u.number, u.at, u.madeBy, u.tellComplainant,
                        u.toldAt, u.note)).toList(),
                c.outcome == null ? null : new ComplaintView.Outcome(c.outcome, c.closedOn,
                        ChronoUnit.DAYS.between(c.receivedOn, c.closedOn), c.outcomeSummary, c.outcomeActions),
                c.personalDataDeletedAt);
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(config.timeZone()));
    }
}
