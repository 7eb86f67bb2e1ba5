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
    AUTHORITY_REQUEST(Recipient.REQUESTER, "Your request {reference}: please show that you may act for the person",
            ClockEventKind.AUTHORITY_REQUESTED),
    FEE_REQUEST(Recipient.REQUESTER, "Your request {reference}: a fee is due", ClockEventKind.FEE_REQUESTED),
    CLARIFICATION_REQUEST(Recipient.REQUESTER, "Your request {reference}: we need more information",
            ClockEventKind.CLARIFICATION_REQUESTED),
    EXTENSION_NOTICE(Recipient.REQUESTER, "Your request {reference}: we need more time",
            ClockEventKind.EXTENSION_NOTIFIED),
    RESPONSE(Recipient.REQUESTER, "Our response to your request {reference}", null),
    DUPLICATE_NOTICE(Recipient.REQUESTER, "Your request {reference}: we are answering it with your earlier request",
            null),
    DPO_NEW_REQUEST(Recipient.DPO_MAILBOX, "New request {reference}", null),
    DPO_REMINDER(Recipient.DPO_MAILBOX, "Reminder: request {reference} is due soon", null),
    DPO_ESCALATION(Recipient.DPO_MAILBOX, "Escalation: request {reference} is overdue", null),
    CUSTODIAN_REQUEST(Recipient.CUSTODIAN, "Request {reference}: please act on data you hold for us", null),
    CUSTODIAN_REMINDER(Recipient.CUSTODIAN, "Reminder: request {reference} still needs your confirmation", null),
    RECIPIENT_NOTICE(Recipient.RECIPIENT, "Request {reference}: a change to personal data we shared with you", null);

    /**
     * Who an email goes to; the audit log records this, never the address. A response the DPO decided goes to
     * the data subject rather than the representative who asked is sent to the SUBJECT. A CUSTODIAN (of an
     * external holding) or an Art 19 RECIPIENT is written to at the mailbox its study names, one email each.
     */
    public enum Recipient {
        REQUESTER, SUBJECT, DPO_MAILBOX, CUSTODIAN, RECIPIENT;

        /** Sent to each custodian or recipient concerned, one email apiece, rather than to one addressee. */
        boolean toEach() {
            return this == CUSTODIAN || this == RECIPIENT;
        }
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

    /**
     * The template for this addressee: a representative is acknowledged in words of their own, which tell them
     * that their authority to act is needed; every other email reads the same to anyone.
     */
    public String templateName(boolean toRepresentative) {
        return toRepresentative && this == ACKNOWLEDGEMENT ? templateName() + "-representative" : templateName();
    }
}
