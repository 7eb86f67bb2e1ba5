package org.dsarflow.deadline;

import java.time.LocalDate;

/**
 * {@code GET /api/calendar/deadline}: when a request received on a date is due, and when at the
 * latest with an extension. {@code calendarCovers} is false when the bank-holiday calendar has no
 * data for a year involved, so only weekends could be taken into account.
 */
public record DeadlineAnswer(LocalDate receivedOn, LocalDate deadline, LocalDate extendedDeadline,
                             boolean calendarCovers) {
}
