package org.dsarflow.complaint;

import jakarta.validation.constraints.NotBlank;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code POST /api/complaints/{ref}/acknowledgement}: the DPO posted the acknowledgement. */
@Schema(description = "An acknowledgement sent by post, for a complainant without an email address")
public record PostedAcknowledgementBody(
        @Schema(description = "The day it was posted (ISO date)", examples = "2026-07-03") @NotBlank String sentOn) {
}
