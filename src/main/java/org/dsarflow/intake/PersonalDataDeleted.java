package org.dsarflow.intake;

/**
 * CDI event, fired in the transaction that deleted a closed request's personal data: each capability
 * deletes the free text it keeps about the request in the same transaction.
 */
public record PersonalDataDeleted(long requestId, String reference) {
}
