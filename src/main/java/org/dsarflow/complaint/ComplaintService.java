package org.dsarflow.complaint;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import org.dsarflow.audit.AuditLog;
import org.dsarflow.intake.DsarRequest;
import org.dsarflow.intake.Receipt;
import org.dsarflow.shared.DsarConfig;
import org.dsarflow.shared.Idempotency;
import org.dsarflow.shared.InvalidInputException;
import org.dsarflow.shared.RetriedOnConcurrentChange;
import org.dsarflow.shared.Sequences;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Year;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * Logs complaints (each with its process instance, in one transaction), records their acknowledgement,
 * progress and outcome, and answers the process's checks. Each change is audited under the complaint's
 * reference and announced by a synchronous event; a complaint about a request is noted in the request's history.
 */
@ApplicationScoped
public class ComplaintService {

    private static final Logger LOG = Logger.getLogger(ComplaintService.class);
    public static final String IDEMPOTENCY_KEY = Idempotency.HEADER;
    private static final String COMPLAINT_SEQUENCE = "dsar_complaint_seq";
    /** The hour of the day, in the controller's zone, at which the acknowledgement escalation falls due. */
    private static final LocalTime ESCALATION_HOUR = LocalTime.of(9, 0);
    private static final Idempotency.Kept<Complaint> KEPT = new Idempotency.Kept<>(
            Complaint::findByIdempotencyKey, complaint -> complaint.idempotencyFingerprint);

    private final Idempotency idempotency;
    private final Sequences sequences;
    private final DsarConfig config;
    private final AuditLog audit;
    private final Event<ComplaintLogged> logged;
    private final Event<ComplaintUpdated> updated;
    private final Event<ComplaintClosed> closed;
    private final Clock clock;

    ComplaintService(Idempotency idempotency, Sequences sequences, DsarConfig config, AuditLog audit,
                     Event<ComplaintLogged> logged, Event<ComplaintUpdated> updated, Event<ComplaintClosed> closed,
                     Clock clock) {
        this.idempotency = idempotency;
        this.sequences = sequences;
        this.config = config;
        this.audit = audit;
        this.logged = logged;
        this.updated = updated;
        this.closed = closed;
        this.clock = clock;
    }

    /** A logged complaint, and whether an earlier attempt under the same idempotency key had logged it. */
    public record Logged(Complaint complaint, boolean replayed) {
    }

    /** Logs a complaint; with an idempotency key, by the same rules as requests. */
    public Logged log(LogComplaintBody body, String idempotencyKey, String actor) {
        if (!body.complainant().contactable()) {
            throw new InvalidInputException("complainant",
                    "complainant needs at least one of email, phone or postalAddress to be answered");
        }
        Receipt receipt = Receipt.parse(body.receivedAt(), config.timeZone()).requirePlausible(clock.instant(), today());
        if (idempotencyKey == null) {
            return new Logged(QuarkusTransaction.requiringNew().call(() -> create(body, receipt, null, actor)), false);
        }
        Idempotency.Claim claim = idempotency.claim(idempotencyKey, body);
        Idempotency.Attempt<Complaint> attempt = idempotency.once(claim, KEPT, () -> create(body, receipt, claim, actor));
        return new Logged(attempt.created(), attempt.replayed());
    }

    private Complaint create(LogComplaintBody body, Receipt receipt, Idempotency.Claim claim, String actor) {
        if (body.about() != null && DsarRequest.findByReference(body.about()).isEmpty()) {
            throw new InvalidInputException("about", "about names no request: " + body.about());
        }
        long id = sequences.next(COMPLAINT_SEQUENCE);
        Complaint complaint = Complaint.log(id, "CMP-%d-%06d".formatted(Year.now(clock).getValue(), id),
                body.logging(receipt), clock.instant(), actor);
        if (claim != null) {
            complaint.claimedBy(claim.key(), claim.fingerprint());
        }
        complaint.persist();
        audit.record(complaint.reference, "COMPLAINT_LOGGED", AuditLog.detail("channel", complaint.channel,
                "receivedOn", complaint.receivedOn, "about", complaint.aboutReference, "idempotent", claim != null));
        if (complaint.aboutReference != null) {
            audit.record(complaint.aboutReference, "COMPLAINT_RECEIVED",
                    AuditLog.detail("complaint", complaint.reference));
        }
        logged.fire(new ComplaintLogged(complaint.reference, complaint.channel));
        LOG.infof("Complaint %s logged by %s", complaint.reference, actor);
        return complaint;
    }

    /** Records the acknowledgement deadline; answers when the DPO mailbox hears if it has not been met. */
    @Transactional
    public Instant recordAcknowledgementDue(String reference) {
        Complaint complaint = Complaint.require(reference);
        complaint.recordAcknowledgementDue();
        audit.record(reference, "ACKNOWLEDGEMENT_DUE_RECORDED",
                AuditLog.detail("acknowledgementDue", complaint.acknowledgementDue));
        return complaint.acknowledgementDeadline().escalatesOn().atTime(ESCALATION_HOUR)
                .atZone(config.timeZone()).toInstant();
    }

    /** Whether the acknowledgement has been given; if not, the complaint is marked escalated. */
    @Transactional
    public boolean acknowledgementMet(String reference) {
        Complaint complaint = Complaint.require(reference);
        if (complaint.acknowledged() || complaint.isClosed()) {
            return true;
        }
        complaint.acknowledgementEscalated();
        audit.record(reference, "ACKNOWLEDGEMENT_ESCALATED",
                AuditLog.detail("acknowledgementDue", complaint.acknowledgementDue));
        return false;
    }

    /** Whether the DPO mailbox is to be reminded of the complaint today; if so, the reminder is recorded. */
    @Transactional
    public boolean reminderDue(String reference) {
        Complaint complaint = Complaint.require(reference);
        if (complaint.isClosed() || !ProgressReminder.due(complaint.lastProgressAt, complaint.remindedAt,
                config.complaints().reminderAfter(), clock, config.timeZone())) {
            return false;
        }
        complaint.reminded(clock.instant());
        audit.record(reference, "COMPLAINT_REMINDER_DUE", AuditLog.detail("lastProgressOn",
                complaint.lastProgressAt.atZone(config.timeZone()).toLocalDate()));
        return true;
    }

    /** The DPO sent the acknowledgement by post, on the day given. */
    @Transactional
    @RetriedOnConcurrentChange
    public Complaint recordPostedAcknowledgement(String reference, PostedAcknowledgementBody body, String actor) {
        Complaint complaint = Complaint.require(reference).requireOpen();
        LocalDate sentOn;
        try {
            sentOn = LocalDate.parse(body.sentOn().strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("sentOn", "sentOn must be an ISO date (2026-07-03)");
        }
        if (sentOn.isAfter(today())) {
            throw new InvalidInputException("sentOn", "sentOn must not be in the future");
        }
        if (sentOn.isBefore(complaint.receivedOn)) {
            throw new InvalidInputException("sentOn", "sentOn must not be before the complaint was received");
        }
        acknowledge(complaint, sentOn, AcknowledgementMethod.POST);
        LOG.infof("Complaint %s: acknowledgement by post recorded by %s", reference, actor);
        return complaint;
    }

    /** The acknowledgement went; audited with whether it was in time. */
    void acknowledge(Complaint complaint, LocalDate on, AcknowledgementMethod by) {
        complaint.acknowledge(on, by);
        audit.record(complaint.reference, "COMPLAINT_ACKNOWLEDGED", AuditLog.detail("acknowledgedOn", on, "by", by,
                "inTime", complaint.acknowledgementDeadline().metInTime(on)));
    }

    @Transactional
    @RetriedOnConcurrentChange
    public Complaint update(String reference, ProgressUpdateBody body, String actor) {
        Complaint complaint = Complaint.requireLocked(reference).requireOpen();
        int number = (int) ComplaintUpdate.count(complaint.id) + 1;
        Instant now = clock.instant();
        ComplaintUpdate.of(complaint, number, body.note().strip(), body.tellComplainant(), now, actor).persist();
        complaint.progressed(now);
        audit.record(reference, "COMPLAINT_UPDATED", AuditLog.detail("number", number,
                "tellComplainant", body.tellComplainant()));
        updated.fire(new ComplaintUpdated(reference, body.tellComplainant()));
        return complaint;
    }

    /** Gives the outcome and closes the complaint (409 COMPLAINT_CLOSED if it is closed already). */
    @Transactional
    @RetriedOnConcurrentChange
    public Complaint outcome(String reference, OutcomeBody body, String actor) {
        Complaint complaint = Complaint.require(reference).requireOpen();
        LocalDate on = today();
        complaint.close(body.outcome(), body.summary().strip(),
                body.actions() == null || body.actions().isBlank() ? null : body.actions().strip(), clock.instant(), on);
        audit.record(reference, "COMPLAINT_CLOSED", AuditLog.detail("outcome", body.outcome(),
                "daysToOutcome", ChronoUnit.DAYS.between(complaint.receivedOn, on)));
        closed.fire(new ComplaintClosed(reference, body.outcome()));
        LOG.infof("Complaint %s closed (%s) by %s", reference, body.outcome(), actor);
        return complaint;
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(config.timeZone()));
    }
}
