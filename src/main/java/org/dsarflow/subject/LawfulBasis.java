package org.dsarflow.subject;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The lawful basis of one purpose of processing. */
public record LawfulBasis(@NotBlank @Size(max = 500) String purpose, @NotBlank @Size(max = 500) String basis) {
}
