package org.dsarflow.subject;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.dsarflow.shared.Keys;

import java.time.LocalDate;
import java.util.Map;

/**
 * {@code POST /api/requests/{ref}/identifiers}: more identifiers from the requester, and the day they
 * arrived (today when not given), which ends a clarification pause.
 */
public record IdentifiersBody(
        @NotEmpty @Size(max = 20) Map<@NotBlank @Pattern(regexp = Keys.IDENTIFIER) String,
                @NotBlank @Size(max = 256) String> identifiers,
        LocalDate on) {
}
