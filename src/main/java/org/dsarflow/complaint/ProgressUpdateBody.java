package org.dsarflow.complaint;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code POST /api/complaints/{ref}/updates}: an enquiry made or progress to report. */
@Schema(description = "A progress update. The note is personal data: auditors see only its date and whether the "
        + "complainant was told.")
public record ProgressUpdateBody(
        @Schema(description = "What was done or found") @NotBlank @Size(max = 4000) String note,
        @Schema(description = "Email the note to the complainant") @NotNull Boolean tellComplainant) {
}
