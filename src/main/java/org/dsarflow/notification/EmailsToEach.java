package org.dsarflow.notification;

import io.quarkus.mailer.Mail;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import org.dsarflow.audit.AuditLog;
import org.dsarflow.decision.Action;
import org.dsarflow.decision.ActionState;
import org.dsarflow.decision.DecisionAction;
import org.dsarflow.fulfilment.CustodianLinks;
import org.dsarflow.fulfilment.RecipientNotice;
import org.dsarflow.intake.DsarRequest;
import org.dsarflow.shared.DsarConfig;
import org.dsarflow.subject.Custody;
import org.dsarflow.subject.Holding;
import org.dsarflow.subject.Study;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The emails that go to each custodian of an open external holding's task, or to each Art 19 recipient told of
 * a change, rather than to one addressee. Each is sent and recorded in a transaction of its own (the link it
 * carries, or the notice marked SENT), so a retry of the step after a failure writes only to those not yet
 * written to. None carries the requester's name or contact details.
 */
@ApplicationScoped
class EmailsToEach {

    private static final Logger LOG = Logger.getLogger(EmailsToEach.class);

    private final MailSender sender;
    private final CustodianLinks links;
    private final DsarConfig config;
    private final AuditLog audit;
    private final Clock clock;

    EmailsToEach(MailSender sender, CustodianLinks links, DsarConfig config, AuditLog audit, Clock clock) {
        this.sender = sender;
        this.links = links;
        this.config = config;
        this.audit = audit;
        this.clock = clock;
    }

    /** Sends {@code template} to each of its addressees not yet written to on {@code occasion}. */
    void send(DsarRequest request, EmailTemplate template, String occasion) {
        if (template.recipient() == EmailTemplate.Recipient.CUSTODIAN) {
            custodians(request, template, occasion);
        } else {
            recipients(request);
        }
    }

    private void custodians(DsarRequest request, EmailTemplate template, String occasion) {
        if (request.status.isClosed()) {
            // Cancelled (or closed otherwise) before the step ran: no custodian is to act any more.
            return;
        }
        String reference = request.reference;
        for (DecisionAction action : DecisionAction.of(request.id)) {
            if (action.custody != Custody.EXTERNAL || action.state != ActionState.AWAITING_CUSTODIAN) {
                continue;
            }
            Optional<Holding> holding = Holding.<Holding>find("studyKey = ?1 and key = ?2", action.studyKey,
                    action.holdingKey).firstResultOptional();
            Optional<String> mailbox = holding.map(h -> h.custodianMailbox).filter(m -> !m.isBlank());
            if (mailbox.isEmpty()) {
                if (template == EmailTemplate.CUSTODIAN_REQUEST) {
                    audit.record(reference, "EMAIL_NOT_SENT", AuditLog.detail("template", template,
                            "recipient", template.recipient(), "studyKey", action.studyKey,
                            "holdingKey", action.holdingKey, "why", "NO_EMAIL_ADDRESS"));
                }
                continue;
            }
            Long actionId = action.id;
            QuarkusTransaction.requiringNew().run(() -> {
                DsarRequest current = DsarRequest.require(reference);
                DecisionAction task = DecisionAction.findById(actionId);
                links.issue(current, task, occasion).ifPresent(link -> {
                    Study study = Study.findById(task.studyKey);
                    CustodianMailModel model = new CustodianMailModel(reference, config.mail().organisation(),
                            study.name, task.studyKey, task.holdingKey, holding.get().location, toDo(task.action),
                            task.subjectRef, current.deadline, link.url(),
                            link.expiresAt().atZone(config.timeZone()).toLocalDate(),
                            template == EmailTemplate.CUSTODIAN_REMINDER, config.mail().dpoMailbox());
                    Mail mail = sender.write(mailbox.get(), template.subject(reference), template.templateName(), model);
                    sender.send(mail, template.name());
                    audit.record(reference, "EMAIL_SENT", AuditLog.detail("template", template,
                            "recipient", template.recipient(), "studyKey", task.studyKey,
                            "holdingKey", task.holdingKey, "attachments", false));
                    LOG.infof("Request %s: email %s sent to the custodian of %s", reference, template,
                            task.custodianTask());
                });
            });
        }
    }

    private void recipients(DsarRequest request) {
        String reference = request.reference;
        Instant now = Instant.now(clock);
        for (RecipientNotice notice : RecipientNotice.untold(request.id)) {
            Optional<Study> study = Study.<Study>findByIdOptional(notice.studyKey);
            Optional<String> mailbox = study.flatMap(s -> s.recipientMailbox(notice.recipient));
            if (mailbox.isEmpty()) {
                notice.notSendable(now);
                audit.record(reference, "EMAIL_NOT_SENT", AuditLog.detail("template", EmailTemplate.RECIPIENT_NOTICE,
                        "recipient", EmailTemplate.Recipient.RECIPIENT, "studyKey", notice.studyKey,
                        "recipientName", notice.recipient, "why", "NO_EMAIL_ADDRESS"));
                continue;
            }
            Long noticeId = notice.id;
            String studyName = study.get().name;
            List<String> subjectRefs = DecisionAction.of(request.id).stream()
                    .filter(a -> a.studyKey.equals(notice.studyKey) && a.action.isToldToRecipients())
                    .map(a -> a.subjectRef).distinct().sorted().toList();
            QuarkusTransaction.requiringNew().run(() -> {
                RecipientNotice current = RecipientNotice.findById(noticeId);
                if (current.delivery != null) {
                    return;
                }
                RecipientMailModel model = new RecipientMailModel(reference, config.mail().organisation(),
                        current.recipient, studyName,
                        Arrays.stream(current.actions.split(",")).map(Action::valueOf).map(EmailsToEach::told).toList(),
                        subjectRefs, config.mail().dpoMailbox());
                EmailTemplate template = EmailTemplate.RECIPIENT_NOTICE;
                sender.send(sender.write(mailbox.get(), template.subject(reference), template.templateName(), model),
                        template.name());
                current.sent(Instant.now(clock));
                audit.record(reference, "EMAIL_SENT", AuditLog.detail("template", template,
                        "recipient", template.recipient(), "studyKey", current.studyKey,
                        "recipientName", current.recipient, "attachments", false));
                LOG.infof("Request %s: email %s sent to a recipient of %s", reference, template, current.studyKey);
            });
        }
    }

    /** What the custodian is asked to do with the record in their holding. */
    private static String toDo(Action action) {
        return switch (action) {
            case ERASE -> "erase all of this person's data in the holding";
            case RETAIN_PSEUDONYMISED -> "delete this person's direct identifiers and contact details, and keep the "
                    + "research data only under the record's reference";
            case RESTRICT -> "restrict the record: keep it, but stop using it until we tell you the restriction is "
                    + "lifted";
            case RECTIFY -> "correct the record; the corrections come to you separately from our data protection "
                    + "officer";
            case EXPORT -> "send a copy of this person's data in the holding to our data protection officer";
            default -> throw new IllegalArgumentException(action + " asks nothing of a custodian");
        };
    }

    /** What was done, as a recipient is told it. */
    private static String told(Action action) {
        return switch (action) {
            case ERASE -> "the person's data was erased";
            case RETAIN_PSEUDONYMISED -> "the person's direct identifiers and contact details were deleted; the "
                    + "research data is kept under the study's reference only";
            case RESTRICT -> "the record is restricted: kept, but not to be used until we say otherwise";
            case RECTIFY -> "the record was corrected; our data protection officer sends the corrections separately";
            default -> throw new IllegalArgumentException(action + " is not told to recipients");
        };
    }
}
