package org.dsarflow.notification;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Writes an email from its Qute templates (plain text and HTML, the model as {@code m}) and hands it to the
 * mail server, counting each email sent and each attempt that failed by template (dsar_emails_sent_total,
 * dsar_emails_failed_total). Shared by the emails about requests and those about complaints.
 */
@ApplicationScoped
public class MailSender {

    private final Mailer mailer;
    private final Engine qute;
    private final MeterRegistry metrics;

    MailSender(Mailer mailer, Engine qute, MeterRegistry metrics) {
        this.mailer = mailer;
        this.qute = qute;
        this.metrics = metrics;
    }

    /** The email to {@code to}, written from {@code templateName}.txt and .html, e.g. mail/acknowledgement. */
    public Mail write(String to, String subject, String templateName, Object model) {
        return Mail.withText(to, subject, render(templateName, "txt", model))
                .setHtml(render(templateName, "html", model));
    }

    /** Sends {@code mail}, counted under {@code template}; a failure is counted and thrown on. */
    public void send(Mail mail, String template) {
        try {
            mailer.send(mail);
        } catch (RuntimeException e) {
            failed(template).increment();
            throw e;
        }
        sent(template).increment();
    }

    /** A template's counters, at zero, so a rate over them is defined before its first email. */
    public void registerCounters(String template) {
        sent(template);
        failed(template);
    }

    private Counter sent(String template) {
        return Counter.builder("dsar.emails.sent").description("Emails handed to the mail server, by template")
                .tag("template", template).register(metrics);
    }

    private Counter failed(String template) {
        return Counter.builder("dsar.emails.failed")
                .description("Email attempts that failed, by template: each is retried, the last raises an incident")
                .tag("template", template).register(metrics);
    }

    private String render(String templateName, String extension, Object model) {
        Template found = qute.getTemplate(templateName + "." + extension);
        if (found == null) {
            throw new IllegalStateException("Email template " + templateName + "." + extension + " is missing");
        }
        return found.data("m", model).render();
    }
}
