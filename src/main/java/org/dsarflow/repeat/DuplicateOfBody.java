package org.dsarflow.repeat;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code POST /api/requests/{reference}/duplicate-of}: the open request this one repeats. */
public record DuplicateOfBody(
        @Schema(description = "The open request from the same person that answers this one too",
                examples = "DSAR-2026-000007")
        @NotBlank @Pattern(regexp = "DSAR-\\d{4}-\\d{6,}") String reference) {
}
