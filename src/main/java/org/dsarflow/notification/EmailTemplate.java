package org.dsarflow.notification;

/** Every email the service sends: whom it goes to, its subject, and its Qute templates (plain text and HTML). */
public enum EmailTemplate {
    ACKNOWLEDGEMENT(Recipient.REQUESTER, "We have received your request {reference}"),
    IDENTITY_REQUEST(Recipient.REQUESTER, "Your request {reference}: please confirm your identity"),
    FEE_REQUEST(Recipient.REQUESTER, "Your request {reference}: a fee is due"),
    CLARIFICATION_REQUEST(Recipient.REQUESTER, "Your request {reference}: we need more information"),
    EXTENSION_NOTICE(Recipient.REQUESTER, "Your request {reference}: we need more time"),
    RESPONSE(Recipient.REQUESTER, "Our response to your request {reference}"),
    DPO_NEW_REQUEST(Recipient.DPO_MAILBOX, "New request {reference}"),
    DPO_REMINDER(Recipient.DPO_MAILBOX, "Reminder: request {reference} is due soon"),
    DPO_ESCALATION(Recipient.DPO_MAILBOX, "Escalation: request {reference} is overdue");

    /** Who an email goes to; the audit log records this, never the address. */
    public enum Recipient {
        REQUESTER, DPO_MAILBOX
    }

    private final Recipient recipient;
    private final String subject;

    EmailTemplate(Recipient recipient, String subject) {
        this.recipient = recipient;
        this.subject = subject;
    }

    public Recipient recipient() {
        return recipient;
    }

    public String subject(String reference) {
        return subject.replace("{reference}", reference);
    }

    /** The Qute template path without its extension, e.g. mail/acknowledgement. */
    public String templateName() {
        return "mail/" + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
