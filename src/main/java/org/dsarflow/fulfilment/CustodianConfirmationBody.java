package org.dsarflow.fulfilment;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

/**
 * {@code POST /api/requests/{ref}/custodian-confirmations}: the custodian of an external holding has
 * acted, on {@code confirmedOn}. {@code studyKey} is needed only when two matched studies share the key.
 */
@Schema(examples = "{\"holdingKey\": \"survey\", \"confirmedOn\": \"2025-07-01\", "
        + "\"note\": \"Provider removed name and email\"}")
public record CustodianConfirmationBody(
        @NotBlank @Size(max = 64) String holdingKey,
        @Size(max = 64) String studyKey,
        @NotNull LocalDate confirmedOn,
        @Size(max = 2000) String note) {
}
