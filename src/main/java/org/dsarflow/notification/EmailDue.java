package org.dsarflow.notification;

/** CDI event: an email is to be sent about a request, after the transaction that made it due commits. */
public record EmailDue(String reference, EmailTemplate template) {
}
