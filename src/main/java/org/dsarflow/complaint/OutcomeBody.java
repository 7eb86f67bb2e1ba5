package org.dsarflow.complaint;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code POST /api/complaints/{ref}/outcome}: what was found and done; closes the complaint. */
@Schema(description = "The outcome, emailed to the complainant with their right to complain to the ICO")
public record OutcomeBody(
        @NotNull ComplaintOutcome outcome,
        @Schema(description = "What was found, as the complainant will read it") @NotBlank @Size(max = 4000) String summary,
        @Schema(description = "What the controller has done or will do about it") @Size(max = 4000) String actions) {
}
