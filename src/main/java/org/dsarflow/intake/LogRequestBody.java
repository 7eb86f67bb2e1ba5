package org.dsarflow.intake;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.dsarflow.shared.Keys;

import java.util.LinkedHashMap;
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
        @Size(max = 20) Map<@NotBlank @Pattern(regexp = Keys.IDENTIFIER) String, @NotBlank @Size(max = 256) String> identifiers,
        @Size(max = 50) List<@NotBlank @Pattern(regexp = Keys.STUDY) String> studyKeys,
        @Size(max = 4000) String details,
        @Size(max = 50) Map<@NotBlank @Pattern(regexp = Keys.IDENTIFIER) String, @NotNull @Size(max = 4000) String> changes) {

    public record RequesterBody(
            @NotBlank @Size(max = 200) String name,
            @Email @Size(max = 320) String email,
            @Size(max = 40) String phone,
            @Size(max = 1000) String postalAddress) {

        boolean contactable() {
            return notBlank(email) || notBlank(phone) || notBlank(postalAddress);
        }

        Requester toRequester() {
            return new Requester(name.strip(), email, phone, postalAddress);
        }

        private static boolean notBlank(String value) {
            return value != null && !value.isBlank();
        }
    }

    /** The request as logged, from this body and its parsed receipt. */
    DsarRequest.Logging logging(Receipt receipt) {
        return new DsarRequest.Logging(type, channel, receipt, requester.toRequester(), stripped(identifiers),
                studyKeys == null ? List.of() : studyKeys, details, stripped(changes));
    }

    private static Map<String, String> stripped(Map<String, String> values) {
        Map<String, String> result = new LinkedHashMap<>();
        if (values != null) {
            values.forEach((key, value) -> result.put(key, value.strip()));
        }
        return result;
    }
}
