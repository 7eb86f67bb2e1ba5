package org.dsarflow.subject;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/**
 * A registry import as committed so far. {@code rejectedLines} (one page of them, by line) only when one
 * import is asked for: a line and a reason code, never a value.
 */
@Schema(description = "A registry import as committed so far: status, last committed line, counts and, for one "
        + "import, a page of its rejected lines (line and reason code, never a value)")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ImportView(long id, String studyKey, RegistryFormat format, ImportStatus status, String startedBy,
                         Instant startedAt, Instant endedAt, long lastCommittedLine, long created, long updated,
                         long rejected, String failure, String failureField, List<RejectedLine> rejectedLines,
                         Integer page, Integer size) {

    public record RejectedLine(long line, RejectionReason reason) {

        /** For people: what the reason means, naming no value. */
        public String description() {
            return reason.description();
        }
    }

    static ImportView of(RegistryImport job, List<RejectedLine> rejectedLines, Integer page, Integer size) {
        return new ImportView(job.id, job.studyKey, job.format, job.status, job.startedBy, job.startedAt, job.endedAt,
                job.lastCommittedLine, job.created, job.updated, job.rejected, job.failure, job.failureField,
                rejectedLines, page, size);
    }

    public boolean running() {
        return status == ImportStatus.RUNNING;
    }
}
