package org.dsarflow.shared;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * RFC 9457 problem details. {@code field} names the offending input; {@code code} is a stable,
 * machine-readable reason for a conflict. Never carries personal data.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance,
                      String field, String code, List<FieldProblem> errors) {

    public record FieldProblem(String field, String detail) {
    }
}
