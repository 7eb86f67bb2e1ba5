package org.dsarflow.deadline;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.dsarflow.intake.ClockState;
import org.dsarflow.intake.DsarRequest;
import org.dsarflow.intake.RequestStatus;
import org.dsarflow.shared.CachedReading;
import org.dsarflow.shared.DsarConfig;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/**
 * dsar_requests_overdue and dsar_requests_due_soon: open requests whose running clock is past its
 * deadline, or within the due-soon working days of it, as the request list and the inbox say. One
 * grouped count of running deadlines; the working days are counted here on the calendar in force.
 */
@ApplicationScoped
public class DeadlineMetrics {

    /** Open requests with a running clock, overdue or due soon today. */
    record Due(long overdue, long dueSoon) {
    }

    private final MeterRegistry registry;
    private final CalendarService calendars;
    private final DsarConfig config;
    private final Clock clock;
    private final CachedReading<Due> due = new CachedReading<>(CachedReading.GAUGES,
            () -> QuarkusTransaction.requiringNew().call(this::count));

    DeadlineMetrics(MeterRegistry registry, CalendarService calendars, DsarConfig config, Clock clock) {
        this.registry = registry;
        this.calendars = calendars;
        this.config = config;
        this.clock = clock;
    }

    void register(@Observes StartupEvent start) {
        Gauge.builder("dsar.requests.overdue", due, reading -> reading.get().overdue())
                .description("Open requests past their deadline, clock running")
                .strongReference(true)
                .register(registry);
        Gauge.builder("dsar.requests.due.soon", due, reading -> reading.get().dueSoon())
                .description("Open requests within the due-soon working days of their deadline")
                .strongReference(true)
                .register(registry);
    }

    private Due count() {
        List<Object[]> rows = DsarRequest.getEntityManager()
                .createQuery("select r.deadline, count(r) from DsarRequest r where r.status not in :closed "
                        + "and r.clockState = :running and r.deadline is not null group by r.deadline", Object[].class)
                .setParameter("closed", RequestStatus.closed())
                .setParameter("running", ClockState.RUNNING)
                .getResultList();
        LocalDate today = LocalDate.now(clock);
        BankHolidayCalendar calendar = calendars.calendar();
        long overdue = 0;
        long dueSoon = 0;
        for (Object[] row : rows) {
            LocalDate deadline = (LocalDate) row[0];
            long requests = ((Number) row[1]).longValue();
            if (today.isAfter(deadline)) {
                overdue += requests;
            } else if (calendar.workingDaysAfter(today, deadline) <= config.dueSoonWorkingDays()) {
                dueSoon += requests;
            }
        }
        return new Due(overdue, dueSoon);
    }
}
