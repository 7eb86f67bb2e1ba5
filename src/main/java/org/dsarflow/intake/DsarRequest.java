package org.dsarflow.intake;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.dsarflow.deadline.ClockReading;
import org.dsarflow.deadline.ClockState;
import org.dsarflow.deadline.ClockStop;
import org.dsarflow.shared.UnknownResourceException;
import org.dsarflow.subject.MatchStatus;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A data-subject rights request, from logging to its close. */
@Entity
@Table(name = "dsar_request")
public class DsarRequest extends PanacheEntityBase {

    /** From the sequence dsar_request_seq; the reference is made from it. */
    @Id
    public Long id;

    @Version
    public long version;

    public String reference;

    @Enumerated(EnumType.STRING)
    public RequestType type;

    @Enumerated(EnumType.STRING)
    public RequestStatus status;

    @Enumerated(EnumType.STRING)
    public Channel channel;

    public Instant receivedAt;

    /** False when only a receipt date was given: receivedAt is then that day's start. */
    public boolean receivedTimeKnown;

    public LocalDate receivedOn;

    public Instant loggedAt;

    public String loggedBy;

    @Embedded
    public Requester requester = new Requester();

    @ElementCollection
    @CollectionTable(name = "dsar_request_identifier", joinColumns = @JoinColumn(name = "request_id"))
    @MapKeyColumn(name = "identifier_key")
    @Column(name = "identifier_value")
    public Map<String, String> identifiers = new LinkedHashMap<>();

    @ElementCollection
    @CollectionTable(name = "dsar_request_study", joinColumns = @JoinColumn(name = "request_id"))
    @Column(name = "study_key")
    public Set<String> studyKeys = new LinkedHashSet<>();

    public String details;

    public String idempotencyKey;

    public String idempotencyFingerprint;

    /** The clock as last recorded, kept on the row so requests can be listed and filtered by deadline. */
    @Enumerated(EnumType.STRING)
    public ClockState clockState;

    public LocalDate clockStartedOn;

    public LocalDate deadline;

    public boolean extended;

    public int pausedDays;

    @Enumerated(EnumType.STRING)
    public MatchStatus matchStatus;

    @ElementCollection
    @CollectionTable(name = "dsar_request_match", joinColumns = @JoinColumn(name = "request_id"))
    public Set<MatchedRecord> matches = new LinkedHashSet<>();

    /** How a request closed other than by the full process, e.g. NO_DATA_HELD. */
    public String outcome;

    public Instant closedAt;

    public String cancellationReason;

    /** The corrections a rectification asks for, by attribute or identifier name. */
    @ElementCollection
    @CollectionTable(name = "dsar_request_change", joinColumns = @JoinColumn(name = "request_id"))
    @MapKeyColumn(name = "change_name")
    @Column(name = "change_value")
    public Map<String, String> changes = new LinkedHashMap<>();

    /** When the decision was proposed; the DPO's review follows. */
    public Instant decidedAt;

    public Instant reviewedAt;

    public String reviewedBy;

    @Enumerated(EnumType.STRING)
    public ReviewOutcome reviewOutcome;

    public String reviewJustification;

    @Enumerated(EnumType.STRING)
    public RefusalReason refusalReason;

    public Instant restrictionLiftedAt;

    public String restrictionLiftReason;

    /** The deadline the DPO mailbox was last reminded of. */
    public LocalDate remindedFor;

    /** The deadline last escalated as missed. */
    public LocalDate escalatedFor;

    /** When the retention period for closed requests ran out and the requester's personal data went. */
    public Instant personalDataDeletedAt;

    public static Optional<DsarRequest> findByReference(String reference) {
        return find("reference", reference).firstResultOptional();
    }

    /** The request, or a 404 naming its reference. */
    public static DsarRequest require(String reference) {
        return findByReference(reference).orElseThrow(() -> new UnknownResourceException("Request", reference));
    }

    public static Optional<DsarRequest> findByIdempotencyKey(String key) {
        return find("idempotencyKey", key).firstResultOptional();
    }

    /** Keeps the recorded clock and the status that follows from it, unless the request is closed. */
    public void recordClock(ClockReading reading) {
        clockState = reading.state();
        clockStartedOn = reading.clockStartedOn();
        deadline = reading.deadline();
        extended = reading.extended();
        pausedDays = reading.pausedDays();
        if (!status.isClosed()) {
            status = switch (reading.state()) {
                case RUNNING -> awaitingReview() ? RequestStatus.AWAITING_REVIEW : RequestStatus.IN_PROGRESS;
                case PAUSED -> RequestStatus.AWAITING_CLARIFICATION;
                case STOPPED -> reading.awaiting().contains(ClockStop.IDENTITY)
                        ? RequestStatus.AWAITING_IDENTITY
                        : RequestStatus.AWAITING_FEE;
            };
        }
    }

    public void recordMatch(MatchStatus status, Collection<MatchedRecord> records) {
        matchStatus = status;
        matches.clear();
        matches.addAll(records);
    }

    /** A decision has been proposed and the DPO has not reviewed it yet. */
    public boolean awaitingReview() {
        return decidedAt != null && reviewedAt == null;
    }

    public void recordDecision(Instant at) {
        decidedAt = at;
        if (status == RequestStatus.IN_PROGRESS) {
            status = RequestStatus.AWAITING_REVIEW;
        }
    }

    public void recordReview(ReviewOutcome outcome, RefusalReason reason, String justification, String by, Instant at) {
        reviewOutcome = outcome;
        refusalReason = reason;
        reviewJustification = justification;
        reviewedBy = by;
        reviewedAt = at;
        if (status == RequestStatus.AWAITING_REVIEW) {
            status = RequestStatus.IN_PROGRESS;
        }
    }

    /** The response has gone: fulfilled, or refused as manifestly unfounded or excessive. */
    public void respond(Instant at) {
        if (reviewOutcome == ReviewOutcome.REFUSED) {
            status = RequestStatus.REFUSED;
            outcome = refusalReason.name();
        } else {
            status = RequestStatus.COMPLETED;
            outcome = "FULFILLED";
        }
        closedAt = at;
    }

    /** Closed without acting: the person could not be found, so we hold no data about them. */
    public void closeNoDataHeld(Instant at) {
        status = RequestStatus.COMPLETED;
        outcome = "NO_DATA_HELD";
        closedAt = at;
    }

    /**
     * The closed-request retention has run out: the requester's contact details, the identifiers they
     * supplied, the corrections they asked for and the free text that may name them are deleted. What
     * was decided and done stays, as references, states and dates.
     */
    public void deletePersonalData(Instant at) {
        requester = null;
        identifiers.clear();
        changes.clear();
        details = null;
        cancellationReason = null;
        reviewJustification = null;
        restrictionLiftReason = null;
        personalDataDeletedAt = at;
    }

    public void cancel(String reason, Instant at) {
        status = RequestStatus.CANCELLED;
        cancellationReason = reason;
        closedAt = at;
    }
}
