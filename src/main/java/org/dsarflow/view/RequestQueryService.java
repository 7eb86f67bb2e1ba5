package org.dsarflow.view;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.dsarflow.intake.ClockState;
import org.dsarflow.intake.DsarRequest;
import org.dsarflow.intake.RequestStatus;
import org.dsarflow.intake.RequestType;
import org.dsarflow.subject.Study;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Reads requests for DPO staff and auditors. */
@ApplicationScoped
public class RequestQueryService {

    private static final Sort BY_DEADLINE = Sort.by("deadline", Sort.Direction.Ascending, Sort.NullPrecedence.NULLS_LAST)
            .and("reference");

    private final RequestViews views;
    private final Clock clock;

    RequestQueryService(RequestViews views, Clock clock) {
        this.views = views;
        this.clock = clock;
    }

    /** Filters of {@code GET /api/requests}; an empty one does not filter. */
    public record Filter(RequestStatus status, RequestType type, String studyKey, Boolean overdue,
                         LocalDate dueBefore, int page, int size) {
    }

    /** {@code auditor}: the auditor's view, without which records matched. */
    @Transactional
    public RequestView view(String reference, boolean auditor) {
        return views.of(DsarRequest.require(reference), auditor);
    }

    @Transactional
    public RequestPage list(Filter filter, boolean auditor) {
        List<String> where = new ArrayList<>();
        Parameters parameters = new Parameters();
        if (filter.status() != null) {
            where.add("status = :status");
            parameters.and("status", filter.status());
        }
        if (filter.type() != null) {
            where.add("type = :type");
            parameters.and("type", filter.type());
        }
        if (filter.studyKey() != null) {
            Study.requireKnown("studyKey", filter.studyKey());
            where.add(":studyKey member of studyKeys");
            parameters.and("studyKey", filter.studyKey());
        }
        if (filter.overdue() != null) {
            String overdue = "(status not in :closed and clockState = :running and deadline < :today)";
            where.add(filter.overdue() ? overdue : "not " + overdue);
            parameters.and("closed", RequestStatus.closed()).and("running", ClockState.RUNNING)
                    .and("today", LocalDate.now(clock));
        }
        if (filter.dueBefore() != null) {
            where.add("deadline < :dueBefore");
            parameters.and("dueBefore", filter.dueBefore());
        }
        PanacheQuery<DsarRequest> query = where.isEmpty()
                ? DsarRequest.findAll(BY_DEADLINE)
                : DsarRequest.find(String.join(" and ", where), BY_DEADLINE, parameters);
        List<DsarRequest> page = query.page(Page.of(filter.page(), filter.size())).list();
        List<RequestView> items = views.of(page);
        return new RequestPage(auditor ? items.stream().map(RequestView::forAuditor).toList() : items,
                filter.page(), filter.size(), query.count());
    }
}
