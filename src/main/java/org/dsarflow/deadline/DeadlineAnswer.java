package org.dsarflow.deadline;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

/**
 * {@code GET /api/calendar/deadline}: when a request received on a date is due, and when at the
 * latest with an extension. {@code calendarCovers} is false when the bank-holiday calendar has no
 * data for a year involved, so only weekends could be taken into account.
 */
@Schema(examples = "{\"receivedOn\": \"2025-06-02\", \"deadline\": \"2025-07-02\", "
        + "\"extendedDeadline\": \"2025-09-02\", \"calendarCovers\": true}")
public record DeadlineAnswer(LocalDate receivedOn, LocalDate deadline, LocalDate extendedDeadline,
                             boolean calendarCovers) {
}
