package org.dsarflow.intake;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import org.dsarflow.audit.AuditLog;
import org.dsarflow.shared.DsarConfig;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Deletes the personal data of requests closed longer ago than {@code dsar.retention.closed-request},
 * daily, in batches, each request with its audit entry in the same transaction.
 */
@ApplicationScoped
public class RetentionService {

    private static final Logger LOG = Logger.getLogger(RetentionService.class);
    private static final int BATCH = 200;

    private final DsarConfig config;
    private final AuditLog audit;
    private final Event<PersonalDataDeleted> personalDataDeleted;
    private final Clock clock;

    RetentionService(DsarConfig config, AuditLog audit, Event<PersonalDataDeleted> personalDataDeleted, Clock clock) {
        this.config = config;
        this.audit = audit;
        this.personalDataDeleted = personalDataDeleted;
        this.clock = clock;
    }

    @Scheduled(identity = "closed-request-retention", cron = "${dsar.retention.schedule}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void daily() {
        deleteExpired(clock);
    }

    /** Answers how many requests lost their personal data, judged on {@code now}'s date. */
    public int deleteExpired(Clock now) {
        Instant closedBefore = ClosedRequestRetention.closedBefore(now, config.timeZone(),
                config.retention().closedRequest());
        int deleted = 0;
        int batch;
        do {
            batch = QuarkusTransaction.requiringNew().call(() -> deleteBatch(closedBefore, now.instant()));
            deleted += batch;
        } while (batch == BATCH);
        if (deleted > 0) {
            LOG.infof("Personal data of %d requests closed before %s deleted", deleted, closedBefore);
        }
        return deleted;
    }

    private int deleteBatch(Instant closedBefore, Instant at) {
        List<DsarRequest> due = DsarRequest.find("closedAt < ?1 and personalDataDeletedAt is null order by closedAt",
                closedBefore).page(0, BATCH).list();
        for (DsarRequest request : due) {
            request.deletePersonalData(at);
            personalDataDeleted.fire(new PersonalDataDeleted(request.id, request.reference));
            audit.record(request.reference, "PERSONAL_DATA_DELETED", AuditLog.detail(
                    "closedAt", request.closedAt, "retention", config.retention().closedRequest().toString()));
        }
        return due.size();
    }
}
