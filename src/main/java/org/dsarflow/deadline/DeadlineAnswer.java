package org.dsarflow.deadline;

import org.dsarflow.intake.RequestType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

/**
 * {@code GET /api/calendar/deadline}: when a request received on a date is due, when at the latest with an
 * extension, and under which rules. {@code calendarCovers} is false when the bank-holiday calendar has no
 * data for a year involved, so only weekends could be taken into account. Asked with a {@code type}, it
 * also says whether a clarification would stop that request's clock, and if not why not.
 */
@Schema(examples = "{\"receivedOn\": \"2026-02-05\", \"deadline\": \"2026-03-05\", "
        + "\"extendedDeadline\": \"2026-05-05\", \"calendarCovers\": true, \"type\": \"ERASURE\", "
        + "\"regime\": {\"key\": \"ARTICLE_12A\", \"name\": \"UK GDPR Article 12A (Data (Use and Access) Act 2025, "
        + "s.76)\", \"since\": \"2026-02-05\"}, \"clarificationPausesClock\": false, \"note\": \"Art 12A(5) UK GDPR: "
        + "only a request under Article 15 (access) stops the clock for clarification; the clock of this request "
        + "keeps running while we wait for the answer\"}")
public record DeadlineAnswer(LocalDate receivedOn, LocalDate deadline, LocalDate extendedDeadline,
                             boolean calendarCovers, RequestType type, StatutoryRegime.Summary regime,
                             Boolean clarificationPausesClock, String note) {
}
