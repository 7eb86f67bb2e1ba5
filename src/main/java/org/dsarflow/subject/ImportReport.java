package org.dsarflow.subject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** What a registry import did: rejected rows are named by line, with the problem but never the value. */
@Schema(description = "Rows created and updated; rejected rows by line, with the problem but never the value",
        examples = "{\"created\": 198, \"updated\": 0, "
                + "\"rejected\": [{\"line\": 7, \"problem\": \"email is not a valid email address\"}]}")
public record ImportReport(long created, long updated, List<Rejection> rejected) {

    public record Rejection(long line, String problem) {
    }
}
