package org.dsarflow.notification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.mailer.Mail;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import org.dsarflow.audit.AuditLog;
import org.dsarflow.deadline.RecordedClockEvent;
import org.dsarflow.deadline.StatutoryRegime;
import org.dsarflow.decision.Action;
import org.dsarflow.decision.DecisionAction;
import org.dsarflow.decision.ResponseRecipient;
import org.dsarflow.decision.Review;
import org.dsarflow.fulfilment.RecipientNotice;
import org.dsarflow.fulfilment.ResponsePackage;
import org.dsarflow.fulfilment.ResponsePackageService;
import org.dsarflow.intake.DsarRequest;
import org.dsarflow.intake.RequestType;
import org.dsarflow.shared.DsarConfig;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Writes each email about a request from its templates and what the request holds now, sends it through
 * {@link MailSender} (which counts it), and records that it went (template and recipient role, never the
 * address) in the same transaction.
 */
@ApplicationScoped
public class EmailService {

    private static final Logger LOG = Logger.getLogger(EmailService.class);

    private final MailSender sender;
    private final DsarConfig config;
    private final ResponsePackageService packages;
    private final ObjectMapper json;
    private final AuditLog audit;
    private final EmailsToEach toEach;

    EmailService(MailSender sender, DsarConfig config, ResponsePackageService packages, ObjectMapper json,
                 AuditLog audit, EmailsToEach toEach) {
        this.sender = sender;
        this.config = config;
        this.packages = packages;
        this.json = json;
        this.audit = audit;
        this.toEach = toEach;
    }

    /**
     * Sends each of the templates that has not gone out yet on this occasion (the step of the process that
     * sends them), and records each as sent, with its audit entry, in this transaction. A send that fails
     * first records the ones that did go, in a transaction of their own, so the retry skips them.
     *
     * @throws EmailNotSentException naming the template that failed
     */
    @Transactional
    public void sendOnce(String reference, List<EmailTemplate> templates, String occasion) {
        DsarRequest request = DsarRequest.require(reference);
        List<Sent> sent = new ArrayList<>();
        for (EmailTemplate template : templates) {
            if (SentEmail.exists(request.id, template, occasion)) {
                continue;
            }
            try {
                if (template.recipient().toEach()) {
                    toEach.send(request, template, occasion);
                    sent.add(new Sent(template, template.recipient(), true, false));
                } else {
                    sent.add(deliver(request, template));
                }
            } catch (RuntimeException e) {
                QuarkusTransaction.requiringNew().run(() -> sent.forEach(done -> record(request, done, occasion)));
                throw new EmailNotSentException(template, e);
            }
        }
        sent.forEach(done -> record(request, done, occasion));
    }

    /** One email delivered, or left to the DPO because there is no address to send it to. */
    private record Sent(EmailTemplate template, EmailTemplate.Recipient recipient, boolean delivered,
                        boolean attachments) {
    }

    /** Whom one email goes to: their role, the name to greet them by and their address, either may be null. */
    private record Addressee(EmailTemplate.Recipient role, String name, String email) {

        boolean representative(DsarRequest request) {
            return role == EmailTemplate.Recipient.REQUESTER && request.madeOnBehalf();
        }
    }

    /**
     * The DPO mailbox, the requester, or, for the response to a request a representative made, the person
     * the DPO's review decided: the data subject is written to at the email address among their identifiers.
     */
    private Addressee addressee(DsarRequest request, EmailTemplate template) {
        if (template.recipient() == EmailTemplate.Recipient.DPO_MAILBOX) {
            return new Addressee(template.recipient(), null, config.mail().dpoMailbox());
        }
        boolean toSubject = template == EmailTemplate.RESPONSE && request.madeOnBehalf()
                && Review.of(request.id).map(review -> review.respondTo == ResponseRecipient.SUBJECT).orElse(false);
        if (toSubject) {
            return new Addressee(EmailTemplate.Recipient.SUBJECT, request.onBehalfOf.subjectName,
                    request.identifiers.get("email"));
        }
        return request.requester == null
                ? new Addressee(EmailTemplate.Recipient.REQUESTER, null, null)
                : new Addressee(EmailTemplate.Recipient.REQUESTER, request.requester.name, request.requester.email);
    }

    private Sent deliver(DsarRequest request, EmailTemplate template) {
        String reference = request.reference;
        Addressee addressee = addressee(request, template);
        String to = addressee.email();
        if (to == null || to.isBlank()) {
            // Requests by post or phone are answered by the same route, by DPO staff.
            return new Sent(template, addressee.role(), false, false);
        }
        boolean exports = exports(request);
        boolean attach = template == EmailTemplate.RESPONSE && config.mail().attachPackage() && exports;
        MailModel model = model(request, template, addressee, attach, exports);
        Mail mail = sender.write(to, template.subject(reference), template.templateName(addressee.representative(request)),
                model);
        if (attach) {
            ResponsePackage built = packages.build(reference);
            mail.addAttachment(reference + "-response.json", json(built), "application/json");
            if (request.type == RequestType.PORTABILITY) {
                mail.addAttachment(reference + "-response.csv", packages.csv(built).getBytes(StandardCharsets.UTF_8),
                        "text/csv");
            }
        }
        sender.send(mail, template.name());
        LOG.infof("Request %s: email %s sent to the %s", reference, template, addressee.role());
        return new Sent(template, addressee.role(), true, attach);
    }

    private void record(DsarRequest request, Sent sent, String occasion) {
        SentEmail.of(request.id, sent.template(), occasion).persist();
        if (sent.recipient().toEach()) {
            // Each custodian's or recipient's email has its audit entry already.
            return;
        }
        if (sent.delivered()) {
            audit.record(request.reference, "EMAIL_SENT", AuditLog.detail("template", sent.template(),
                    "recipient", sent.recipient(), "attachments", sent.attachments()));
        } else if (sent.template() == EmailTemplate.RESPONSE) {
            audit.record(request.reference, "EMAIL_NOT_SENT", AuditLog.detail("template", sent.template(),
                    "recipient", sent.recipient(), "why", "NO_EMAIL_ADDRESS", "response", "TO_BE_SENT_BY_POST"));
        } else {
            audit.record(request.reference, "EMAIL_NOT_SENT", AuditLog.detail("template", sent.template(),
                    "recipient", sent.recipient(), "why", "NO_EMAIL_ADDRESS"));
        }
    }

    /** Every template's counters from the start, at zero, so a rate over them is defined before the first email. */
    void registerCounters(@Observes StartupEvent start) {
        for (EmailTemplate template : EmailTemplate.values()) {
            sender.registerCounters(template.name());
        }
    }

    private MailModel model(DsarRequest request, EmailTemplate template, Addressee addressee, boolean attach,
                            boolean exports) {
        List<DecisionAction> actions = request.decidedAt == null ? List.of() : DecisionAction.of(request.id);
        String relationship = request.madeOnBehalf() ? words(request.onBehalfOf.relationship) : null;
        Optional<Review> refusal = Review.of(request.id).filter(review -> !review.approved());
        StatutoryRegime regime = StatutoryRegime.forReceipt(request.receivedOn);
        List<ResponsePackage.SourceSearched> searched = template == EmailTemplate.RESPONSE
                && request.type == RequestType.ACCESS ? packages.sourcesSearched(request.id) : List.of();
        return new MailModel(
                request.reference,
                request.type.name(),
                words(request.type),
                config.mail().organisation(),
                config.mail().postalAddress().orElse(null),
                addressee.name(),
                request.receivedOn,
                request.deadline,
                request.extended,
                reason(request, template),
                request.status.name(),
                request.outcome,
                refusal.map(review -> review.refusalReason.name()).orElse(null),
                refusal.map(review -> review.justification).orElse(null),
                actions.stream().map(DecisionAction::explanationAsItStands).toList(),
                attach,
                exports,
                regime.inPlainWords(),
                regime.clarificationPauses(request.type),
                addressee.representative(request) ? relationship : null,
                addressee.role() == EmailTemplate.Recipient.SUBJECT ? relationship : null,
                request.authority != null,
                actions.stream().filter(a -> a.redaction != null)
                        .map(a -> a.holdingKey + ": " + a.redaction.inWords()).toList(),
                config.mail().dpoMailbox(),
                searched.stream().filter(ResponsePackage.SourceSearched::searched).map(EmailService::line).toList(),
                searched.stream().filter(source -> !source.searched()).map(ResponsePackage.SourceSearched::source)
                        .toList(),
                request.duplicateOf,
                request.askedForRecipients,
                request.askedForRecipients ? RecipientNotice.of(List.of(request.id)).stream()
                        .map(notice -> notice.recipient).distinct().toList() : List.of(),
                config.publicUrl() + "/workbench/requests/" + request.reference);
    }

    private static String line(ResponsePackage.SourceSearched source) {
        return source.source() + ": searched on " + source.searchedOn() + " by "
                + String.join(", ", source.identifierNames());
    }

    private static String words(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    private static boolean exports(DsarRequest request) {
        return request.decidedAt != null
                && DecisionAction.of(request.id).stream().anyMatch(a -> a.action == Action.EXPORT);
    }

    private static String reason(DsarRequest request, EmailTemplate template) {
        return template.clockEvent()
                .map(kind -> RecordedClockEvent.<RecordedClockEvent>find("requestId = ?1 and kind = ?2 order by id desc",
                        request.id, kind).<RecordedClockEvent>firstResult())
                .map(event -> event.reason)
                .orElse(null);
    }

    private byte[] json(ResponsePackage built) {
        try {
            return json.writeValueAsBytes(built);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The response package could not be written", e);
        }
    }
}
