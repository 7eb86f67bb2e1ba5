package org.dsarflow.intake;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** {@code POST /api/requests/{ref}/cancel}: why the request ends early, e.g. the requester withdrew it. */
public record CancelBody(@NotBlank @Size(max = 2000) String reason) {
}
