package org.dsarflow.subject;

import java.util.List;
import java.util.Map;

/**
 * One row of a registry file as read, before any check. {@code line} is the CSV line or the position in
 * the JSON array. {@code problem} is set when the row could not be read into fields; its fields are then
 * empty and the row is rejected with that problem, for that {@code reason}.
 */
record RegistryDraftRow(long line, String subjectRef, String category, Map<String, String> identifiers,
                        List<String> holdings, Map<String, String> attributes, RejectionReason reason,
                        String problem) {

    RegistryDraftRow(long line, String subjectRef, String category, Map<String, String> identifiers,
                     List<String> holdings, Map<String, String> attributes) {
        this(line, subjectRef, category, identifiers, holdings, attributes, null, null);
    }

    static RegistryDraftRow unreadable(long line, String problem) {
        return new RegistryDraftRow(line, null, null, Map.of(), List.of(), Map.of(), RejectionReason.UNREADABLE,
                problem);
    }

    /** The rest of the file from {@code line} on, which a reader could not parse. */
    static RegistryDraftRow malformedFrom(long line, String format) {
        return new RegistryDraftRow(line, null, null, Map.of(), List.of(), Map.of(), RejectionReason.MALFORMED,
                "the " + format + " is malformed from here on; the rest was not read");
    }
}
