package org.dsarflow.intake;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import org.dsarflow.shared.CachedReading;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * dsar_requests_logged_total{type, channel}, counted once the logging has committed, and
 * dsar_requests_open{status}, from one grouped count of the open requests. Labels are enum names only.
 */
@ApplicationScoped
public class RequestMetrics {

    private final MeterRegistry registry;
    private final CachedReading<Map<RequestStatus, Long>> open = new CachedReading<>(CachedReading.GAUGES,
            () -> QuarkusTransaction.requiringNew().call(RequestMetrics::countOpenByStatus));

    RequestMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void register(@Observes StartupEvent start) {
        for (RequestType type : RequestType.values()) {
            for (Channel channel : Channel.values()) {
                logged(type, channel);
            }
        }
        Arrays.stream(RequestStatus.values()).filter(status -> !status.isClosed()).forEach(status ->
                Gauge.builder("dsar.requests.open", open, reading -> reading.get().getOrDefault(status, 0L))
                        .description("Open requests, by status")
                        .tag("status", status.name())
                        .strongReference(true)
                        .register(registry));
    }

    void onLogged(@Observes(during = TransactionPhase.AFTER_SUCCESS) RequestLogged logged) {
        logged(logged.type(), logged.channel()).increment();
    }

    private Counter logged(RequestType type, Channel channel) {
        return Counter.builder("dsar.requests.logged")
                .description("Requests logged, by type and channel")
                .tag("type", type.name())
                .tag("channel", channel.name())
                .register(registry);
    }

    private static Map<RequestStatus, Long> countOpenByStatus() {
        List<Object[]> rows = DsarRequest.getEntityManager()
                .createQuery("select r.status, count(r) from DsarRequest r where r.status not in :closed "
                        + "group by r.status", Object[].class)
                .setParameter("closed", RequestStatus.closed())
                .getResultList();
        Map<RequestStatus, Long> counts = new EnumMap<>(RequestStatus.class);
        rows.forEach(row -> counts.put((RequestStatus) row[0], ((Number) row[1]).longValue()));
        return counts;
    }
}
