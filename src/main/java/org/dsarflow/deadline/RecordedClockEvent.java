package org.dsarflow.deadline;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

/** A clock event as the DPO recorded it; the deadline is always replayed from these. */
@Entity
@Table(name = "dsar_clock_event")
public class RecordedClockEvent extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "dsar_clock_event_seq")
    @SequenceGenerator(name = "dsar_clock_event_seq", sequenceName = "dsar_clock_event_seq", allocationSize = 50)
    public Long id;

    public Long requestId;

    @Enumerated(EnumType.STRING)
    public ClockEventKind kind;

    public LocalDate occurredOn;

    public String reason;

    public Instant recordedAt;

    public String recordedBy;

    static RecordedClockEvent of(Long requestId, ClockEvent event, Instant at, String by) {
        RecordedClockEvent recorded = new RecordedClockEvent();
        recorded.requestId = requestId;
        recorded.kind = event.kind();
        recorded.occurredOn = event.on();
        recorded.reason = event.reason();
        recorded.recordedAt = at;
        recorded.recordedBy = by;
        return recorded;
    }

    public ClockEvent toClockEvent() {
        return new ClockEvent(kind, occurredOn, reason);
    }

    /** In the order they were recorded, which is also date order. */
    public static List<RecordedClockEvent> forRequests(Collection<Long> requestIds) {
        return list("requestId in ?1 order by id", requestIds);
    }
}
