package org.dsarflow.fulfilment;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.dsarflow.decision.OthersInformation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * {@code POST /api/requests/{ref}/redactions}: what the DPO did with other people's information in the copy
 * of one holding, and why. {@code studyKey} is needed only when two matched studies share the holding key.
 */
@Schema(examples = "{\"holdingKey\": \"interview-recordings\", \"outcome\": \"REDACTED\", "
        + "\"reasons\": \"The social worker's and the foster carer's names removed from the transcript\"}")
public record RedactionBody(
        @NotBlank @Size(max = 64) String holdingKey,
        @Size(max = 64) String studyKey,
        @NotNull OthersInformation outcome,
        @Schema(description = "Why: kept with the decision, never audited, never in the response")
        @NotBlank @Size(max = 4000) String reasons) {
}
