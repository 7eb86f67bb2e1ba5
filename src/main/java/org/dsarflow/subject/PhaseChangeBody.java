package org.dsarflow.subject;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

/**
 * {@code POST /api/studies/{key}/phase}. A phase only moves forward, on or after the current phase's
 * date, unless an admin corrects a mistake and says why.
 */
@Schema(examples = "{\"phase\": \"ANALYSIS\", \"on\": \"2021-09-01\"}")
public record PhaseChangeBody(@NotNull StudyPhase phase, @NotNull LocalDate on,
                              @Size(max = 2000) String correctionReason) {
}
