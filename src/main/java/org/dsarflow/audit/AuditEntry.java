package org.dsarflow.audit;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/**
 * One audit log entry. {@code detail} is a JSON object of references, states, dates and counts: never
 * personal data. {@code activity} is the BPMN activity the change happened in, where there was one.
 */
public record AuditEntry(long seq, Instant at, String actor, String requestRef, String action, String activity,
                         @Schema(type = SchemaType.OBJECT,
                                 description = "References, states, dates and counts; in CSV, its JSON text")
                         String detail,
                         String prevHash, String hash) {
}
