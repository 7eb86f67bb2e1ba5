package org.dsarflow.complaint;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import org.dsarflow.intake.Channel;
import org.dsarflow.shared.CachedReading;
import org.dsarflow.shared.DsarConfig;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * dsar_complaints_logged_total{channel}, counted once the logging has committed; dsar_complaints_open{status}
 * and dsar_complaints_acknowledgement_overdue (open, not acknowledged, past the due date), from one grouped
 * count at most two seconds old. Labels are enum names only.
 */
@ApplicationScoped
public class ComplaintMetrics {

    /** Open complaints by status, and those of them whose acknowledgement is overdue. */
    record Open(Map<ComplaintStatus, Long> byStatus, long acknowledgementOverdue) {
    }

    private final MeterRegistry registry;
    private final DsarConfig config;
    private final Clock clock;
    private final CachedReading<Open> open = new CachedReading<>(CachedReading.GAUGES,
            () -> QuarkusTransaction.requiringNew().call(this::count));

    ComplaintMetrics(MeterRegistry registry, DsarConfig config, Clock clock) {
        this.registry = registry;
        this.config = config;
        this.clock = clock;
    }

    void register(@Observes StartupEvent start) {
        for (Channel channel : Channel.values()) {
            logged(channel);
        }
        for (ComplaintStatus status : List.of(ComplaintStatus.RECEIVED, ComplaintStatus.ACKNOWLEDGED)) {
            Gauge.builder("dsar.complaints.open", open, reading -> reading.get().byStatus().getOrDefault(status, 0L))
                    .description("Open complaints, by status")
                    .tag("status", status.name())
                    .strongReference(true)
                    .register(registry);
        }
        Gauge.builder("dsar.complaints.acknowledgement.overdue", open, reading -> reading.get().acknowledgementOverdue())
                .description("Open complaints not acknowledged within the 30 days beginning with their receipt")
                .strongReference(true)
                .register(registry);
    }

    void onLogged(@Observes(during = TransactionPhase.AFTER_SUCCESS) ComplaintLogged logged) {
        logged(logged.channel()).increment();
    }

    private Counter logged(Channel channel) {
        return Counter.builder("dsar.complaints.logged").description("Complaints logged, by channel")
                .tag("channel", channel.name()).register(registry);
    }

    private Open count() {
        List<Object[]> rows = Complaint.getEntityManager()
                .createQuery("select c.status, count(c) from Complaint c where c.status <> :closed group by c.status",
                        Object[].class)
                .setParameter("closed", ComplaintStatus.CLOSED)
                .getResultList();
        Map<ComplaintStatus, Long> byStatus = new EnumMap<>(ComplaintStatus.class);
        rows.forEach(row -> byStatus.put((ComplaintStatus) row[0], ((Number) row[1]).longValue()));
        long overdue = Complaint.count("status <> ?1 and acknowledgedOn is null and acknowledgementDue < ?2",
                ComplaintStatus.CLOSED, LocalDate.now(clock.withZone(config.timeZone())));
        return new Open(byStatus, overdue);
    }
}
