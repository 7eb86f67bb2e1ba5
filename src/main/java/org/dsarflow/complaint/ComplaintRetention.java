package org.dsarflow.complaint;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.dsarflow.audit.AuditLog;
import org.dsarflow.intake.ClosedRequestRetention;
import org.dsarflow.shared.DsarConfig;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Deletes the personal data of complaints closed longer ago than {@code dsar.retention.closed-complaint}: the
 * same closed-record rule as requests ({@link ClosedRequestRetention}), daily on the same schedule, in batches,
 * each complaint with its audit entry in the same transaction.
 */
@ApplicationScoped
public class ComplaintRetention {

    private static final Logger LOG = Logger.getLogger(ComplaintRetention.class);
    private static final int BATCH = 200;

    private final DsarConfig config;
    private final AuditLog audit;
    private final Clock clock;

    ComplaintRetention(DsarConfig config, AuditLog audit, Clock clock) {
        this.config = config;
        this.audit = audit;
        this.clock = clock;
    }

    @Scheduled(identity = "closed-complaint-retention", cron = "${dsar.retention.schedule}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void daily() {
        deleteExpired(clock);
    }

    /** Answers how many complaints lost their personal data, judged on {@code now}'s date. */
    public int deleteExpired(Clock now) {
        Instant closedBefore = ClosedRequestRetention.closedBefore(now, config.timeZone(),
                config.retention().closedComplaint());
        int deleted = 0;
        int batch;
        do {
            batch = QuarkusTransaction.requiringNew().call(() -> deleteBatch(closedBefore, now.instant()));
            deleted += batch;
        } while (batch == BATCH);
        if (deleted > 0) {
            LOG.infof("Personal data of %d complaints closed before %s deleted", deleted, closedBefore);
        }
        return deleted;
    }

    private int deleteBatch(Instant closedBefore, Instant at) {
        List<Complaint> due = Complaint.find("closedAt < ?1 and personalDataDeletedAt is null order by closedAt",
                closedBefore).page(0, BATCH).list();
        for (Complaint complaint : due) {
            complaint.deletePersonalData(at);
            ComplaintUpdate.of(complaint.id).forEach(ComplaintUpdate::forgetNote);
            audit.record(complaint.reference, "PERSONAL_DATA_DELETED", AuditLog.detail("closedAt", complaint.closedAt,
                    "retention", config.retention().closedComplaint().toString()));
        }
        return due.size();
    }
}
