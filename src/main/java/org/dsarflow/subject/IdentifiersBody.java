package org.dsarflow.subject;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.dsarflow.shared.Keys;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.Map;

/**
 * {@code POST /api/requests/{ref}/identifiers}: more identifiers from the requester, and the day they
 * arrived (today when not given), which ends a clarification pause.
 */
public record IdentifiersBody(
        @Schema(description = "By scheme name", examples = "{\"email\": \"person.0000007@synthetic.invalid\"}")
        @NotEmpty @Size(max = 20) Map<@NotBlank @Pattern(regexp = Keys.IDENTIFIER) String,
                @NotBlank @Size(max = 256) String> identifiers,
        @Schema(description = "The day they arrived; today unless given", examples = "2025-06-13") LocalDate on) {
}
