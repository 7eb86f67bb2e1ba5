package org.dsarflow.intake;

import java.time.LocalDate;

/**
 * CDI event, fired in the transaction that recorded a representative's authority: a clock stopped to
 * wait for it runs again from {@code receivedOn}.
 */
public record AuthorityRecorded(String reference, LocalDate receivedOn, String recordedBy) {
}
