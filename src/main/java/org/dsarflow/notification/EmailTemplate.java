package org.dsarflow.notification;

import org.dsarflow.deadline.ClockEventKind;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Every email the service sends: whom it goes to, its subject, its Qute templates (plain text and HTML)
 * and, for the emails that tell the requester of a clock event, that event: the one place the two are paired.
 */
public enum EmailTemplate {
    ACKNOWLEDGEMENT(Recipient.REQUESTER, "We have received your request {reference}", null),
    IDENTITY_REQUEST(Recipient.REQUESTER, "Your request {reference}: please confirm your identity",
            ClockEventKind.IDENTITY_REQUESTED),
    FEE_REQUEST(Recipient.REQUESTER, "Your request {reference}: a fee is due", ClockEventKind.FEE_REQUESTED),
    CLARIFICATION_REQUEST(Recipient.REQUESTER, "Your request {reference}: we need more information",
            ClockEventKind.CLARIFICATION_REQUESTED),
    EXTENSION_NOTICE(Recipient.REQUESTER, "Your request {reference}: we need more time",
            ClockEventKind.EXTENSION_NOTIFIED),
    RESPONSE(Recipient.REQUESTER, "Our response to your request {reference}", null),
    DPO_NEW_REQUEST(Recipient.DPO_MAILBOX, "New request {reference}", null),
    DPO_REMINDER(Recipient.DPO_MAILBOX, "Reminder: request {reference} is due soon", null),
    DPO_ESCALATION(Recipient.DPO_MAILBOX, "Escalation: request {reference} is overdue", null);

    /** Who an email goes to; the audit log records this, never the address. */
    public enum Recipient {
        REQUESTER, DPO_MAILBOX
    }

    private final Recipient recipient;
    private final String subject;
    private final ClockEventKind clockEvent;

    EmailTemplate(Recipient recipient, String subject, ClockEventKind clockEvent) {
        this.recipient = recipient;
        this.subject = subject;
        this.clockEvent = clockEvent;
    }

    /** The email that tells the requester of a clock event; none for the events they cause themselves. */
    public static Optional<EmailTemplate> telling(ClockEventKind kind) {
        return Arrays.stream(values()).filter(template -> template.clockEvent == kind).findFirst();
    }

    public Recipient recipient() {
        return recipient;
    }

    /** The clock event this email tells of, whose reason it quotes; empty for the others. */
    public Optional<ClockEventKind> clockEvent() {
        return Optional.ofNullable(clockEvent);
    }

    public String subject(String reference) {
        return subject.replace("{reference}", reference);
    }

    /** The Qute template path without its extension, e.g. mail/acknowledgement. */
    public String templateName() {
        return "mail/" + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
