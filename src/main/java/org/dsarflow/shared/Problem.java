package org.dsarflow.shared;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * RFC 9457 problem details. {@code field} names the offending input; {@code code} is a stable,
 * machine-readable reason for a conflict. Never carries personal data.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "RFC 9457 problem details, as application/problem+json")
public record Problem(@Schema(description = "/problems/invalid-input, /problems/malformed-json, /problems/not-found, "
                              + "/problems/conflict or /problems/internal", examples = "/problems/conflict")
                      String type,
                      String title, int status,
                      @Schema(description = "For people; never quotes the input") String detail,
                      @Schema(description = "The path that was called") String instance,
                      @Schema(description = "The offending input, e.g. requester.email or amendments[0].holdingKey")
                      String field,
                      @Schema(description = "A 409's stable reason, e.g. REQUEST_CLOSED") String code,
                      @Schema(description = "Each field that is wrong, when several are") List<FieldProblem> errors) {

    public record FieldProblem(String field, String detail) {
    }
}
