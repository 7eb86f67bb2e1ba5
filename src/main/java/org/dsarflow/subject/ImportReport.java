package org.dsarflow.subject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * What a registry import did: rejected rows are named by line, with the reason's code and the problem but
 * never the value.
 */
@Schema(description = "Rows created and updated; rejected rows by line, with the reason's code and the problem "
        + "but never the value",
        examples = "{\"created\": 198, \"updated\": 0, \"rejected\": [{\"line\": 7, "
                + "\"reason\": \"INVALID_IDENTIFIER\", \"problem\": \"identifier email is not valid\"}]}")
public record ImportReport(long created, long updated, List<Rejection> rejected) {

    public record Rejection(long line, RejectionReason reason, String problem) {
    }
}
