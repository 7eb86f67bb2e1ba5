package org.dsarflow.fulfilment;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code POST /api/requests/{ref}/restriction/lift}: why processing may resume (Art. 18(3): the requester is told first). */
@Schema(examples = "{\"reason\": \"Accuracy confirmed; requester told\"}")
public record LiftRestrictionBody(@NotBlank @Size(max = 2000) String reason) {
}
