package org.dsarflow.complaint;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.dsarflow.intake.Channel;
import org.dsarflow.intake.Receipt;
import org.dsarflow.shared.ConflictException;
import org.dsarflow.shared.UnknownResourceException;
import org.hibernate.annotations.NaturalId;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * A data protection complaint (DPA 2018 s.164A), from logging to its outcome: who complained, when, about
 * what (a request, perhaps), its acknowledgement and the last progress on it. Other packages change a
 * complaint only through its methods.
 */
@Entity
@Table(name = "dsar_complaint")
public class Complaint extends PanacheEntityBase {

    /** From the sequence dsar_complaint_seq; the reference is made from it. */
    @Id
    public Long id;

    @Version
    public long version;

    @NaturalId
    public String reference;

    @Enumerated(EnumType.STRING)
    public ComplaintStatus status;

    @Enumerated(EnumType.STRING)
    public Channel channel;

    public Instant receivedAt;

    public boolean receivedTimeKnown;

    public LocalDate receivedOn;

    public Instant loggedAt;

    public String loggedBy;

    @Embedded
    public Complainant complainant = new Complainant();

    /** The request complained about, by reference; null for a complaint about anything else. */
    public String aboutReference;

    /** What the complainant says, in the DPO's words or theirs: personal data. */
    public String summary;

    public LocalDate acknowledgementDue;

    public LocalDate acknowledgedOn;

    @Enumerated(EnumType.STRING)
    public AcknowledgementMethod acknowledgedBy;

    /** The DPO mailbox was told the acknowledgement had not gone five days before it was due. */
    public boolean acknowledgementEscalated;

    /** The receipt, or the last update: reminders count from it. */
    public Instant lastProgressAt;

    public Instant remindedAt;

    @Enumerated(EnumType.STRING)
    public ComplaintOutcome outcome;

    public String outcomeSummary;

    public String outcomeActions;

    public Instant closedAt;

    public LocalDate closedOn;

    public String idempotencyKey;

    public String idempotencyFingerprint;

    public Instant personalDataDeletedAt;

    /** What {@link #log} needs of a new complaint, its text already trimmed. */
    public record Logging(Channel channel, Receipt receipt, Complainant complainant, String aboutReference,
                          String summary) {
    }

    /** A complaint as logged, numbered {@code id}, with its acknowledgement deadline. */
    static Complaint log(long id, String reference, Logging logging, Instant at, String by) {
        Complaint complaint = new Complaint();
        complaint.id = id;
        complaint.reference = reference;
        complaint.status = ComplaintStatus.RECEIVED;
        complaint.channel = logging.channel();
        complaint.receivedAt = logging.receipt().at();
        complaint.receivedTimeKnown = logging.receipt().timeKnown();
        complaint.receivedOn = logging.receipt().on();
        complaint.loggedAt = at;
        complaint.loggedBy = by;
        complaint.complainant = logging.complainant();
        complaint.aboutReference = logging.aboutReference();
        complaint.summary = logging.summary();
        complaint.lastProgressAt = complaint.receivedAt;
        return complaint;
    }

    void claimedBy(String key, String fingerprint) {
        idempotencyKey = key;
        idempotencyFingerprint = fingerprint;
    }

    public static Optional<Complaint> findByReference(String reference) {
        return getSession().bySimpleNaturalId(Complaint.class).loadOptional(reference);
    }

    /** The complaint, or a 404 naming its reference. */
    public static Complaint require(String reference) {
        return findByReference(reference).orElseThrow(() -> new UnknownResourceException("Complaint", reference));
    }

    /** The complaint, locked until the transaction ends, so that concurrent updates are numbered one after another. */
    static Complaint requireLocked(String reference) {
        Complaint complaint = require(reference);
        getEntityManager().lock(complaint, LockModeType.PESSIMISTIC_WRITE);
        return complaint;
    }

    static Optional<Complaint> findByIdempotencyKey(String key) {
        return find("idempotencyKey", key).firstResultOptional();
    }

    /** This complaint, unless it is closed: nothing more may happen to it then (409 COMPLAINT_CLOSED). */
    public Complaint requireOpen() {
        if (isClosed()) {
            throw new ConflictException("COMPLAINT_CLOSED", "Complaint " + reference + " is closed");
        }
        return this;
    }

    public boolean isClosed() {
        return status == ComplaintStatus.CLOSED;
    }

    public AcknowledgementDeadline acknowledgementDeadline() {
        return new AcknowledgementDeadline(receivedOn);
    }

    public boolean acknowledged() {
        return acknowledgedOn != null;
    }

    void recordAcknowledgementDue() {
        acknowledgementDue = acknowledgementDeadline().due();
    }

    /** The acknowledgement went on {@code on}; a complaint closed before it keeps its status. */
    void acknowledge(LocalDate on, AcknowledgementMethod by) {
        if (acknowledged()) {
            throw new ConflictException("COMPLAINT_ACKNOWLEDGED", "Complaint " + reference + " was acknowledged on "
                    + acknowledgedOn);
        }
        acknowledgedOn = on;
        acknowledgedBy = by;
        if (status == ComplaintStatus.RECEIVED) {
            status = ComplaintStatus.ACKNOWLEDGED;
        }
    }

    void acknowledgementEscalated() {
        acknowledgementEscalated = true;
    }

    void progressed(Instant at) {
        lastProgressAt = at;
    }

    void reminded(Instant at) {
        remindedAt = at;
    }

    void close(ComplaintOutcome how, String outcomeText, String actions, Instant at, LocalDate on) {
        requireOpen();
        status = ComplaintStatus.CLOSED;
        outcome = how;
        outcomeSummary = outcomeText;
        outcomeActions = actions;
        closedAt = at;
        closedOn = on;
    }

    /**
     * The closed-complaint retention has run out: the complainant's details and every text that may name them
     * (the summary, the outcome's words; the updates' notes are forgotten beside it) are deleted. The dates,
     * states and outcome stay, for the s.164B counts.
     */
    void deletePersonalData(Instant at) {
        complainant = null;
        summary = null;
        outcomeSummary = null;
        outcomeActions = null;
        personalDataDeletedAt = at;
    }
}
