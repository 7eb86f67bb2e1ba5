package org.dsarflow.complaint;

import java.util.Locale;

/** Every email about a complaint: whom it goes to, its subject and its Qute templates (text and HTML). */
public enum ComplaintEmail {
    COMPLAINT_ACKNOWLEDGEMENT(Recipient.COMPLAINANT, "We have received your complaint {reference}"),
    COMPLAINT_UPDATE(Recipient.COMPLAINANT, "Your complaint {reference}: an update"),
    COMPLAINT_OUTCOME(Recipient.COMPLAINANT, "The outcome of your complaint {reference}"),
    COMPLAINT_WITHDRAWN(Recipient.COMPLAINANT, "Your complaint {reference} is withdrawn"),
    DPO_COMPLAINT_ESCALATION(Recipient.DPO_MAILBOX, "Escalation: complaint {reference} is not acknowledged"),
    DPO_COMPLAINT_REMINDER(Recipient.DPO_MAILBOX, "Reminder: complaint {reference} has had no update");

    /** Who an email goes to; the audit log records this, never the address. */
    public enum Recipient {
        COMPLAINANT, DPO_MAILBOX
    }

    private final Recipient recipient;
    private final String subject;

    ComplaintEmail(Recipient recipient, String subject) {
        this.recipient = recipient;
        this.subject = subject;
    }

    public Recipient recipient() {
        return recipient;
    }

    public String subject(String reference) {
        return subject.replace("{reference}", reference);
    }

    /** The Qute template path without its extension, e.g. mail/complaint-acknowledgement. */
    public String templateName() {
        return "mail/" + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
