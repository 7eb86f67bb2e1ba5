package org.dsarflow.intake;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.dsarflow.shared.Keys;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /api/requests}. {@code receivedAt} is an ISO date or an ISO date-time with offset, kept
 * as text here so a bad value is answered naming the field rather than as a parse failure.
 * {@code changes} are the corrections a RECTIFICATION asks for, by attribute or identifier name.
 */
@Schema(description = "A request as it arrived. The requester's contact details and identifiers are personal "
        + "data: they are kept with the request and never appear in a view, a log or an error.")
public record LogRequestBody(
        @NotNull RequestType type,
        @Schema(description = "When it arrived: an ISO date, or a date-time with offset; the receipt date is its "
                + "Europe/London date", examples = "2025-06-02T16:45:00+01:00") @NotBlank String receivedAt,
        @NotNull Channel channel,
        @NotNull @Valid RequesterBody requester,
        @Schema(description = "Whom the requester acts for; left out when the requester is the data subject. "
                + "The identifiers are always the subject's.")
        @Valid OnBehalfOfBody onBehalfOf,
        @Schema(description = "Identifiers to locate the subject with, by scheme name",
                examples = "{\"email\": \"a.person@example.org\"}")
        @Size(max = 20) Map<@NotBlank @Pattern(regexp = Keys.IDENTIFIER) String, @NotBlank @Size(max = 256) String> identifiers,
        @Schema(description = "The studies the request names; none: every study", examples = "[\"kitbags\"]")
        @Size(max = 50) List<@NotBlank @Pattern(regexp = Keys.STUDY) String> studyKeys,
        @Schema(description = "What the requester asked, in their words") @Size(max = 4000) String details,
        @Schema(description = "A RECTIFICATION's corrections, by attribute or identifier name",
                examples = "{\"surname\": \"Exemplar\"}")
        @Size(max = 50) Map<@NotBlank @Pattern(regexp = Keys.IDENTIFIER) String, @NotNull @Size(max = 4000) String> changes,
        @Schema(description = "Art 19: the requester asks who the recipients told of a rectification, erasure or "
                + "restriction are; the response then names them. False if left out")
        Boolean askedForRecipients) {

    @Schema(description = "Who asked, and how to answer them: at least one of email, phone or postalAddress")
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

    @Schema(description = "The data subject a representative acts for")
    public record OnBehalfOfBody(
            @NotNull Relationship relationship,
            @Schema(description = "The subject's name, as the requester gives it") @Size(max = 200) String subjectName,
            @Schema(description = "The kind of person the subject is, e.g. CHILD", examples = "CHILD")
            @Pattern(regexp = Keys.CATEGORY) String subjectCategory) {

        OnBehalfOf toOnBehalfOf() {
            return new OnBehalfOf(relationship, subjectName == null || subjectName.isBlank() ? null : subjectName.strip(),
                    subjectCategory);
        }
    }

    /** The request as logged, from this body and its parsed receipt. */
    DsarRequest.Logging logging(Receipt receipt) {
        return new DsarRequest.Logging(type, channel, receipt, requester.toRequester(),
                onBehalfOf == null ? null : onBehalfOf.toOnBehalfOf(), stripped(identifiers),
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
