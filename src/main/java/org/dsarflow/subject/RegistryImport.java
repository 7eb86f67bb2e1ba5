package org.dsarflow.subject;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * One registry import, as far as it has been committed: its counts and last committed line change in the
 * transaction of each batch, so they never say more or less than the database holds. While it runs it
 * holds its study ({@code runningStudyKey}, unique), so a study has one running import at a time.
 */
@Entity
@Table(name = "dsar_registry_import")
public class RegistryImport extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "dsar_registry_import_seq")
    @SequenceGenerator(name = "dsar_registry_import_seq", sequenceName = "dsar_registry_import_seq",
            allocationSize = 1)
    public Long id;

    public String studyKey;

    @Enumerated(EnumType.STRING)
    public RegistryFormat format;

    @Enumerated(EnumType.STRING)
    public ImportStatus status;

    public String startedBy;

    public Instant startedAt;

    public Instant endedAt;

    /** The instance of the service that runs it. */
    public String nodeId;

    /** When that instance last said the import still runs: past the lease, it is taken as interrupted. */
    public Instant heartbeatAt;

    public long lastCommittedLine;

    @Column(name = "created_count")
    public long created;

    @Column(name = "updated_count")
    public long updated;

    @Column(name = "rejected_count")
    public long rejected;

    /** Why it failed, as a code: INVALID_INPUT (the file was refused whole), UPLOAD_INCOMPLETE or ERROR. */
    public String failure;

    /** The part of the input at fault when it failed with INVALID_INPUT (header, body). */
    public String failureField;

    String runningStudyKey;

    static RegistryImport start(String studyKey, RegistryFormat format, String startedBy, String nodeId, Instant at) {
        RegistryImport job = new RegistryImport();
        job.studyKey = studyKey;
        job.format = format;
        job.status = ImportStatus.RUNNING;
        job.startedBy = startedBy;
        job.startedAt = at;
        job.nodeId = nodeId;
        job.heartbeatAt = at;
        job.runningStudyKey = studyKey;
        return job;
    }

    /** A batch committed: the rows up to {@code line} are in, or rejected. */
    void committed(long line, long createdRows, long updatedRows, long rejectedRows, Instant at) {
        lastCommittedLine = line;
        created += createdRows;
        updated += updatedRows;
        rejected += rejectedRows;
        heartbeatAt = at;
    }

    void complete(Instant at) {
        end(ImportStatus.COMPLETED, at);
    }

    void fail(String reason, String field, Instant at) {
        failure = reason;
        failureField = field;
        end(ImportStatus.FAILED, at);
    }

    void interrupt(Instant at) {
        end(ImportStatus.INTERRUPTED, at);
    }

    private void end(ImportStatus outcome, Instant at) {
        status = outcome;
        endedAt = at;
        runningStudyKey = null;
    }
}
