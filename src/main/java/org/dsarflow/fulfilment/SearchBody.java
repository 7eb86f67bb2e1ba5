package org.dsarflow.fulfilment;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.dsarflow.shared.Keys;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;

/**
 * {@code POST /api/requests/{reference}/searches}: one holding ({@code holdingKey}, with {@code studyKey} where
 * two studies use the key) or one other {@code system}, never both.
 */
@Schema(description = "A search made for an access request, or judged unreasonable or disproportionate and not made "
        + "(Art 15(1A)). Identifier names only, never their values.")
public record SearchBody(
        @Schema(description = "The holding searched", examples = "drive") @Pattern(regexp = Keys.STUDY) String holdingKey,
        @Schema(description = "The study of the holding, where more than one has that holding key", examples = "kitbags")
        @Pattern(regexp = Keys.STUDY) String studyKey,
        @Schema(description = "Another system searched, by its name, when it is no holding of a study",
                examples = "Research office mailbox")
        @Size(max = 200) @Pattern(regexp = "[\\p{L}\\p{N}][\\p{L}\\p{N} .,&()'/-]*") String system,
        @Schema(description = "When it was searched (or judged not reasonable to search); not in the future")
        @NotNull LocalDate searchedOn,
        @Schema(description = "The names of the identifiers searched by, as the studies' schemes name them",
                examples = "[\"email\"]")
        @Size(max = 20) List<@NotNull @Pattern(regexp = Keys.IDENTIFIER) String> identifierNames,
        @Schema(description = "false: searching it was judged unreasonable or disproportionate, and it was not searched")
        @NotNull Boolean reasonable,
        @Schema(description = "Why searching it was not reasonable or proportionate: required when reasonable is false")
        @Size(max = 4000) String reason) {

    /** The body with its text trimmed and blanks as absent. */
    SearchBody tidied() {
        return new SearchBody(blankAsNull(holdingKey), blankAsNull(studyKey), blankAsNull(system), searchedOn,
                identifierNames == null ? List.of() : identifierNames.stream().distinct().toList(), reasonable,
                blankAsNull(reason));
    }

    private static String blankAsNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
