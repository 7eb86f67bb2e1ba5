package org.dsarflow.intake;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;
import java.util.Map;

/**
 * {@code POST /api/requests}. {@code receivedAt} is an ISO date or an ISO date-time with offset, kept
 * as text here so a bad value is answered naming the field rather than as a parse failure.
 * {@code changes} are the corrections a RECTIFICATION asks for, by attribute or identifier name.
 */
public record LogRequestBody(
        @NotNull RequestType type,
        @NotBlank String receivedAt,
        @NotNull Channel channel,
        @NotNull @Valid RequesterBody requester,
        @Size(max = 20) Map<@NotBlank @Pattern(regexp = IDENTIFIER_KEY) String, @NotBlank @Size(max = 256) String> identifiers,
        @Size(max = 50) List<@NotBlank @Pattern(regexp = STUDY_KEY) String> studyKeys,
        @Size(max = 4000) String details,
        @Size(max = 50) Map<@NotBlank @Pattern(regexp = IDENTIFIER_KEY) String, @NotNull @Size(max = 4000) String> changes) {

    static final String IDENTIFIER_KEY = "[A-Za-z][A-Za-z0-9]{0,63}";
    static final String STUDY_KEY = "[a-z0-9][a-z0-9-]{0,63}";

    public record RequesterBody(
            @NotBlank @Size(max = 200) String name,
            @Email @Size(max = 320) String email,
            @Size(max = 40) String phone,
            @Size(max = 1000) String postalAddress) {

        boolean contactable() {
            return notBlank(email) || notBlank(phone) || notBlank(postalAddress);
        }

        private static boolean notBlank(String value) {
            return value != null && !value.isBlank();
        }
    }
}
