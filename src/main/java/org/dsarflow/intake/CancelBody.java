package org.dsarflow.intake;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code POST /api/requests/{ref}/cancel}: why the request ends early, e.g. the requester withdrew it. */
public record CancelBody(@Schema(description = "Why it ends; free text, never audited",
                                 examples = "Requester withdrew by email") @NotBlank @Size(max = 2000) String reason) {
}
