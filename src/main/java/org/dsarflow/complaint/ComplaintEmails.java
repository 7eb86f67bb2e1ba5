package org.dsarflow.complaint;

import io.quarkus.mailer.Mail;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import org.dsarflow.audit.AuditLog;
import org.dsarflow.notification.EmailNotSentException;
import org.dsarflow.notification.MailSender;
import org.dsarflow.shared.DsarConfig;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The emails of a complaint's process, as {@link org.dsarflow.notification.EmailService} sends a request's:
 * each written at send time, sent once per occasion (the step that sends it), recorded with its audit entry.
 * The acknowledgement, once delivered, meets the s.164A duty; so does the outcome for a complaint closed
 * before its acknowledgement went.
 */
@ApplicationScoped
public class ComplaintEmails {

    private static final Logger LOG = Logger.getLogger(ComplaintEmails.class);

    private final MailSender sender;
    private final ComplaintService complaints;
    private final DsarConfig config;
    private final AuditLog audit;
    private final Clock clock;

    ComplaintEmails(MailSender sender, ComplaintService complaints, DsarConfig config, AuditLog audit, Clock clock) {
        this.sender = sender;
        this.complaints = complaints;
        this.config = config;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Sends each template not sent yet on this occasion, recording each; a send that fails first records the
     * ones that went, in a transaction of their own, so the retry skips them.
     *
     * @throws EmailNotSentException naming the template that failed
     */
    @Transactional
    public void sendOnce(String reference, List<ComplaintEmail> templates, String occasion) {
        Complaint complaint = Complaint.require(reference);
        List<Sent> sent = new ArrayList<>();
        for (ComplaintEmail template : templates) {
            if (SentComplaintEmail.exists(complaint.id, template, occasion)) {
                continue;
            }
            try {
                sent.add(deliver(complaint, template));
            } catch (RuntimeException e) {
                QuarkusTransaction.requiringNew().run(() -> sent.forEach(done -> record(complaint, done, occasion)));
                throw new EmailNotSentException(template.name(), e);
            }
        }
        sent.forEach(done -> record(complaint, done, occasion));
    }

    private record Sent(ComplaintEmail template, boolean delivered, ComplaintUpdate update) {
    }

    private Sent deliver(Complaint complaint, ComplaintEmail template) {
        boolean toDpo = template.recipient() == ComplaintEmail.Recipient.DPO_MAILBOX;
        String to = toDpo ? config.mail().dpoMailbox()
                : complaint.complainant == null ? null : complaint.complainant.email;
        ComplaintUpdate update = template == ComplaintEmail.COMPLAINT_UPDATE
                ? ComplaintUpdate.nextToTell(complaint.id).orElse(null) : null;
        if (to == null || to.isBlank()) {
            // A complaint by post or phone is answered by the same route, by DPO staff.
            return new Sent(template, false, update);
        }
        Mail mail = sender.write(to, template.subject(complaint.reference), template.templateName(),
                model(complaint, toDpo, update));
        sender.send(mail, template.name());
        LOG.infof("Complaint %s: email %s sent to the %s", complaint.reference, template, template.recipient());
        return new Sent(template, true, update);
    }

    private void record(Complaint complaint, Sent sent, String occasion) {
        SentComplaintEmail.of(complaint.id, sent.template(), occasion).persist();
        if (sent.update() != null) {
            sent.update().told(clock.instant());
        }
        if (!sent.delivered()) {
            audit.record(complaint.reference, "EMAIL_NOT_SENT", AuditLog.detail("template", sent.template(),
                    "recipient", sent.template().recipient(), "why", "NO_EMAIL_ADDRESS"));
            return;
        }
        audit.record(complaint.reference, "EMAIL_SENT", AuditLog.detail("template", sent.template(),
                "recipient", sent.template().recipient()));
        boolean acknowledges = sent.template() == ComplaintEmail.COMPLAINT_ACKNOWLEDGEMENT
                || sent.template() == ComplaintEmail.COMPLAINT_OUTCOME
                || sent.template() == ComplaintEmail.COMPLAINT_WITHDRAWN;
        if (acknowledges && !complaint.acknowledged()) {
            complaints.acknowledge(complaint, LocalDate.now(clock.withZone(config.timeZone())),
                    AcknowledgementMethod.EMAIL);
        }
    }

    private ComplaintMailModel model(Complaint complaint, boolean toDpo, ComplaintUpdate update) {
        boolean personal = !toDpo;
        return new ComplaintMailModel(
                complaint.reference,
                config.mail().organisation(),
                config.mail().postalAddress().orElse(null),
                config.mail().dpoMailbox(),
                personal && complaint.complainant != null ? complaint.complainant.name : null,
                complaint.receivedOn,
                complaint.acknowledgementDue,
                complaint.aboutReference,
                complaint.status.name(),
                complaint.lastProgressAt.atZone(config.timeZone()).toLocalDate(),
                personal ? Optional.ofNullable(update).map(u -> u.note).orElse(null) : null,
                complaint.outcome == null ? null : complaint.outcome.name(),
                personal ? complaint.outcomeSummary : null,
                personal ? complaint.outcomeActions : null,
                config.publicUrl() + "/workbench/complaints/" + complaint.reference);
    }

    /** Every template's counters from the start, at zero. */
    void registerCounters(@Observes StartupEvent start) {
        for (ComplaintEmail template : ComplaintEmail.values()) {
            sender.registerCounters(template.name());
        }
    }
}
