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
import jakarta.persistence.LockModeType;
import jakarta.persistence.Version;
import org.hibernate.annotations.NaturalId;
import org.dsarflow.shared.ConflictException;
import org.dsarflow.shared.UnknownResourceException;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A data-subject rights request, from logging to its close: who asked for what and when, what they
 * supplied, its status and its clock as last recorded. What the capabilities find and decide about it
 * (the match, the decision, what was carried out) they keep themselves, keyed by the request's id.
 * Other packages change a request only through its methods.
 */
@Entity
@Table(name = "dsar_request")
public class DsarRequest extends PanacheEntityBase {

    /** From the sequence dsar_request_seq; the reference is made from it. */
    @Id
    public Long id;

    @Version
    public long version;

    /** The request's natural id: looked up by it, a request already in the transaction is not read again. */
    @NaturalId
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

    /** Whom the requester acts for; null when the requester is the data subject. */
    @Embedded
    public OnBehalfOf onBehalfOf;

    /** The representative's authority to act for the subject; null until the DPO records it. */
    @Embedded
    public Authority authority;

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

    /** How a closed request ended: FULFILLED, NO_DATA_HELD, DUPLICATE, or the ground it was refused on. */
    public String outcome;

    public Instant closedAt;

    public String cancellationReason;

    /** The open request this one repeats, when the DPO closed it as a duplicate of it. */
    public String duplicateOf;

    /** The corrections a rectification asks for, by attribute or identifier name. */
    @ElementCollection
    @CollectionTable(name = "dsar_request_change", joinColumns = @JoinColumn(name = "request_id"))
    @MapKeyColumn(name = "change_name")
    @Column(name = "change_value")
    public Map<String, String> changes = new LinkedHashMap<>();

    /** When the decision was proposed; the DPO's review follows. */
    public Instant decidedAt;

    /** When the DPO reviewed the decision; what they decided is the decision's own record. */
    public Instant reviewedAt;

    public Instant restrictionLiftedAt;

    public String restrictionLiftReason;

    /** The deadline the DPO mailbox was last reminded of. */
    public LocalDate remindedFor;

    /** The deadline last escalated as missed. */
    public LocalDate escalatedFor;

    /** Art 19, second sentence: the requester asked who the recipients told of the change are. */
    public boolean askedForRecipients;

    /** When the retention period for closed requests ran out and the requester's personal data went. */
    public Instant personalDataDeletedAt;

    /** What {@link #log} needs of a new request, its text already trimmed. */
    public record Logging(RequestType type, Channel channel, Receipt receipt, Requester requester,
                          OnBehalfOf onBehalfOf, Map<String, String> identifiers, Collection<String> studyKeys,
                          String details, Map<String, String> changes) {
    }

    /** A request as logged, numbered {@code id}: received, its clock not yet recorded. */
    static DsarRequest log(long id, String reference, Logging logging, Instant at, String by) {
        DsarRequest request = new DsarRequest();
        request.id = id;
        request.reference = reference;
        request.type = logging.type();
        request.channel = logging.channel();
        request.status = RequestStatus.RECEIVED;
        request.receivedAt = logging.receipt().at();
        request.receivedTimeKnown = logging.receipt().timeKnown();
        request.receivedOn = logging.receipt().on();
        request.loggedAt = at;
        request.loggedBy = by;
        request.requester = logging.requester();
        request.onBehalfOf = logging.onBehalfOf();
        request.identifiers.putAll(logging.identifiers());
        request.studyKeys.addAll(logging.studyKeys());
        request.details = logging.details();
        request.changes.putAll(logging.changes());
        return request;
    }

    /** The requester asked who the recipients are (Art 19): the response names them. */
    public void askForRecipients() {
        askedForRecipients = true;
    }

    /** Logged under an idempotency key: a retry with the same key and body fingerprint gets this request. */
    void claimedBy(String key, String fingerprint) {
        idempotencyKey = key;
        idempotencyFingerprint = fingerprint;
    }

    /**
     * By natural id: the steps of one transaction (the intake, say: deadline, locating, the decision) share
     * the request the first of them read or created, and none of them makes the session flush to find it.
     */
    public static Optional<DsarRequest> findByReference(String reference) {
        return getSession().bySimpleNaturalId(DsarRequest.class).loadOptional(reference);
    }

    /** The request, or a 404 naming its reference. */
    public static DsarRequest require(String reference) {
        return findByReference(reference).orElseThrow(() -> new UnknownResourceException("Request", reference));
    }

    /**
     * The request, or a 404, locked until the transaction ends: changes that check what is recorded before
     * adding to it (clock events, a review, a cancellation) run one after the other, so the second sees what
     * the first did and is answered with its own 409 code.
     */
    public static DsarRequest requireLocked(String reference) {
        return DsarRequest.<DsarRequest>find("reference", reference).withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional().orElseThrow(() -> new UnknownResourceException("Request", reference));
    }

    /**
     * Locks every open request until the transaction ends, in id order, as a calendar replacement does before
     * it recalculates their deadlines.
     */
    public static void lockOpen() {
        DsarRequest.<DsarRequest>find("status not in ?1 order by id", RequestStatus.closed())
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    /** The request, or a 404; and a 409 REQUEST_CLOSED once it has been completed, refused or cancelled. */
    public static DsarRequest requireOpen(String reference) {
        return require(reference).requireOpen();
    }

    static Optional<DsarRequest> findByIdempotencyKey(String key) {
        return find("idempotencyKey", key).firstResultOptional();
    }

    /** This request, unless it is closed: nothing more may happen to a closed request (409 REQUEST_CLOSED). */
    public DsarRequest requireOpen() {
        if (status.isClosed()) {
            throw new ConflictException("REQUEST_CLOSED", "Request " + reference + " is " + status);
        }
        return this;
    }

    /**
     * Keeps the clock as the deadline rules now read it and, unless the request is closed, the status
     * that follows from it ({@code openStatus}).
     */
    public void recordClock(RecordedClock clock, RequestStatus openStatus) {
        clockState = clock.state();
        clockStartedOn = clock.startedOn();
        deadline = clock.deadline();
        extended = clock.extended();
        pausedDays = clock.pausedDays();
        if (!status.isClosed()) {
            status = openStatus;
        }
    }

    /** More identifiers from the requester, to locate them with. */
    public void addIdentifiers(Map<String, String> more) {
        more.forEach((key, value) -> identifiers.put(key, value.strip()));
    }

    /** The supplied identifiers served only to locate the person, whose own identifiers are now gone. */
    public void forgetSuppliedIdentifiers() {
        identifiers.clear();
    }

    /** The requester acts for someone else, the data subject. */
    public boolean madeOnBehalf() {
        return onBehalfOf != null && onBehalfOf.relationship != null;
    }

    /** Made for someone else, and the authority to act for them not yet recorded: nothing may be disclosed. */
    public boolean awaitingAuthority() {
        return madeOnBehalf() && authority == null;
    }

    /**
     * The representative's authority, as the DPO recorded it; a 409 NOT_MADE_ON_BEHALF for a request the
     * subject made, and AUTHORITY_ALREADY_RECORDED for other evidence once some is recorded.
     *
     * @return false when the same authority was recorded already
     */
    public boolean recordAuthority(AuthorityEvidence evidence, LocalDate receivedOn, String by, Instant at) {
        if (!madeOnBehalf()) {
            throw new ConflictException("NOT_MADE_ON_BEHALF", "Request " + reference
                    + " was made by the data subject: there is no authority to record");
        }
        if (authority != null) {
            if (authority.evidence == evidence && authority.receivedOn.equals(receivedOn)) {
                return false;
            }
            throw new ConflictException("AUTHORITY_ALREADY_RECORDED", "Request " + reference + " has its authority ("
                    + authority.evidence + ", received on " + authority.receivedOn + ") recorded already");
        }
        authority = new Authority(evidence, receivedOn, by, at);
        return true;
    }

    /** A decision has been proposed and the DPO has not reviewed it yet. */
    public boolean awaitingReview() {
        return decidedAt != null && reviewedAt == null;
    }

    public void decisionProposed(Instant at) {
        decidedAt = at;
        if (status == RequestStatus.IN_PROGRESS) {
            status = RequestStatus.AWAITING_REVIEW;
        }
    }

    /** The DPO reviewed the decision, approving it with {@code corrections} to apply, or refusing the request. */
    public void reviewed(Map<String, String> corrections, Instant at) {
        corrections.forEach((name, value) -> changes.put(name, value.strip()));
        reviewedAt = at;
        if (status == RequestStatus.AWAITING_REVIEW) {
            status = RequestStatus.IN_PROGRESS;
        }
    }

    /** The response has gone: the request was fulfilled. */
    public void fulfilled(Instant at) {
        close(RequestStatus.COMPLETED, "FULFILLED", at);
    }

    /** The response has gone: the request was refused on {@code ground} (Art. 12(5)). */
    public void refused(String ground, Instant at) {
        close(RequestStatus.REFUSED, ground, at);
    }

    /** Closed without acting: the person could not be found, so we hold no data about them. */
    public void closeNoDataHeld(Instant at) {
        close(RequestStatus.COMPLETED, "NO_DATA_HELD", at);
    }

    /** The DPO judged it a duplicate of the open request {@code original}, which answers both. */
    public void closeAsDuplicateOf(String original, Instant at) {
        duplicateOf = original;
        close(RequestStatus.COMPLETED, "DUPLICATE", at);
    }

    public void cancel(String reason, Instant at) {
        cancellationReason = reason;
        close(RequestStatus.CANCELLED, null, at);
    }

    /** The restriction this request placed no longer holds; the records may be processed again. */
    public void restrictionLifted(String reason, Instant at) {
        restrictionLiftedAt = at;
        restrictionLiftReason = reason;
    }

    /** The DPO mailbox has been reminded that the current deadline is near. */
    public void remindedOfDeadline() {
        remindedFor = deadline;
    }

    /** The current deadline has passed and the DPO mailbox has been told. */
    public void deadlineMissed() {
        remindedFor = deadline;
        escalatedFor = deadline;
    }

    /**
     * The closed-request retention has run out: the requester's contact details, the identifiers they
     * supplied, the corrections they asked for and the free text that may name them are deleted. What
     * was decided and done stays, as references, states and dates.
     */
    public void deletePersonalData(Instant at) {
        requester = null;
        if (onBehalfOf != null) {
            onBehalfOf.subjectName = null;
        }
        identifiers.clear();
        changes.clear();
        details = null;
        cancellationReason = null;
        restrictionLiftReason = null;
        personalDataDeletedAt = at;
    }

    private void close(RequestStatus closedAs, String how, Instant at) {
        status = closedAs;
        outcome = how;
        closedAt = at;
    }
}
