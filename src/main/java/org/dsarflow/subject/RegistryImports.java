package org.dsarflow.subject;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.LockModeType;
import org.dsarflow.audit.AuditLog;
import org.dsarflow.shared.ConflictException;
import org.dsarflow.shared.UnknownResourceException;
import org.hibernate.exception.ConstraintViolationException;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;

/**
 * The record of registry imports: started, advanced batch by batch, ended. Each instance of the service
 * has an id of its own (random at each start, so two instances on one machine never share it) and
 * renews the heartbeat of the imports it runs; an import whose heartbeat is older than the lease
 * (dsar.imports.lease) belongs to an instance that has stopped, and is marked INTERRUPTED, at start-up and
 * every 30 seconds after, by whichever instance looks first. A heartbeat rather than the instance id alone:
 * another instance cannot tell a stopped instance from a busy one by its id. A heartbeat rather than the
 * import's age: a long import on a live instance must not be cut off.
 */
@ApplicationScoped
public class RegistryImports {

    private static final Logger LOG = Logger.getLogger(RegistryImports.class);

    private final String node = UUID.randomUUID().toString();
    /** The imports this instance is running now, whose heartbeat it renews. */
    private final Set<Long> runningHere = ConcurrentHashMap.newKeySet();
    private final DataSource dataSource;
    private final AuditLog audit;
    private final RegistryImportConfig settings;
    private final Clock clock;

    RegistryImports(DataSource dataSource, AuditLog audit, RegistryImportConfig settings, Clock clock) {
        this.dataSource = dataSource;
        this.audit = audit;
        this.settings = settings;
        this.clock = clock;
    }

    /** One import with a page of its rejected lines, by line. */
    public ImportView find(long id, int page, int size) {
        return QuarkusTransaction.requiringNew().call(() -> {
            RegistryImport job = RegistryImport.findById(id);
            if (job == null) {
                throw new UnknownResourceException("Import", Long.toString(id));
            }
            return ImportView.of(job, rejectedLines(id, page, size), page, size);
        });
    }

    /** The imports, newest first, into one study or all. */
    public ImportList list(String studyKey, int page, int size) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var query = studyKey == null
                    ? RegistryImport.<RegistryImport>find("order by id desc")
                    : RegistryImport.<RegistryImport>find("studyKey = ?1 order by id desc", studyKey);
            List<ImportView> items = query.page(page, size).list().stream()
                    .map(job -> ImportView.of(job, null, null, null)).toList();
            return new ImportList(items, page, size, query.count());
        });
    }

    /**
     * Records a new RUNNING import, holding its study.
     *
     * @throws ConflictException IMPORT_RUNNING while another import into the study runs, on any node
     */
    long start(String studyKey, RegistryFormat format, String actor) {
        refuseWhileRunning(studyKey);
        try {
            long id = QuarkusTransaction.requiringNew().call(() -> {
                RegistryImport job = RegistryImport.start(studyKey, format, actor, node, now());
                job.persistAndFlush();
                return job.id;
            });
            runningHere.add(id);
            return id;
        } catch (RuntimeException e) {
            if (heldAlready(e)) {
                throw running(studyKey);
            }
            throw e;
        }
    }

    /** The unique key on the running study's key refused a second running import: a race lost. */
    private static boolean heldAlready(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConstraintViolationException violation
                    && violation.getKind() == ConstraintViolationException.ConstraintKind.UNIQUE) {
                return true;
            }
        }
        return false;
    }

    /** Checked before an upload is read, so a refused one is refused before its bytes are taken. */
    void refuseWhileRunning(String studyKey) {
        interruptStale();
        long running = QuarkusTransaction.requiringNew().call(() ->
                RegistryImport.count("runningStudyKey", studyKey));
        if (running > 0) {
            throw running(studyKey);
        }
    }

    private static ConflictException running(String studyKey) {
        return new ConflictException("IMPORT_RUNNING", "An import into study " + studyKey
                + " is running; wait for it to end (GET /api/imports?study=" + studyKey + ") and send the file again");
    }

    /**
     * In the transaction of a batch: the lines up to {@code line} are committed with it, and so are its
     * counts and the rejected lines (line and reason only).
     */
    void committed(long id, long line, long created, long updated, List<ImportReport.Rejection> rejections) {
        RegistryImport job = running(id);
        job.committed(line, created, updated, rejections.size(), now());
        if (rejections.isEmpty()) {
            return;
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO dsar_registry_import_rejection (import_id, line, reason) VALUES (?, ?, ?)")) {
            for (ImportReport.Rejection rejection : rejections) {
                insert.setLong(1, id);
                insert.setLong(2, rejection.line());
                insert.setString(3, rejection.reason().name());
                insert.addBatch();
            }
            insert.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("The rejected lines of import " + id + " could not be recorded", e);
        }
    }

    /**
     * The import, locked for this transaction, so a batch and another node's recovery never overwrite each
     * other.
     *
     * @throws ConflictException IMPORT_INTERRUPTED when another node has marked it interrupted meanwhile (this
     *                           one went unheard past the lease): the batch rolls back and the import stops
     */
    private static RegistryImport running(long id) {
        RegistryImport job = RegistryImport.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (job.status != ImportStatus.RUNNING) {
            throw new ConflictException("IMPORT_INTERRUPTED", "Import " + id + " was marked " + job.status
                    + " while it ran; lines up to " + job.lastCommittedLine + " are in. Send the file again");
        }
        return job;
    }

    /** In the transaction of the last batch, so "completed" and the last rows commit together. */
    void complete(long id) {
        RegistryImport job = running(id);
        job.complete(now());
        audit.recordFor(job.startedBy, null, "REGISTRY_IMPORTED", AuditLog.detail("importId", id,
                "studyKey", job.studyKey, "created", job.created, "updated", job.updated, "rejected", job.rejected));
    }

    /** In a transaction of its own: what the batches committed stays. */
    void fail(long id, String reason, String field) {
        QuarkusTransaction.requiringNew().run(() -> {
            RegistryImport job = RegistryImport.findById(id, LockModeType.PESSIMISTIC_WRITE);
            if (job.status == ImportStatus.RUNNING) {
                job.fail(reason, field, now());
                audit.recordFor(job.startedBy, null, "REGISTRY_IMPORT_FAILED", AuditLog.detail("importId", id,
                        "studyKey", job.studyKey, "failure", reason, "lastCommittedLine", job.lastCommittedLine,
                        "created", job.created, "updated", job.updated, "rejected", job.rejected));
            }
        });
    }

    /** The import ended here, however it ended: its heartbeat is no longer this instance's to renew. */
    void ended(long id) {
        runningHere.remove(id);
    }

    void onStart(@Observes StartupEvent start) {
        interruptStale();
    }

    @Scheduled(identity = "registry-import-heartbeat", every = "15s", delayed = "15s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void heartbeat() {
        if (runningHere.isEmpty()) {
            return;
        }
        List<Long> ids = List.copyOf(runningHere);
        // The heartbeat column alone: a whole-row write could undo a batch or an end committed meanwhile.
        QuarkusTransaction.requiringNew().run(() -> RegistryImport.update(
                "heartbeatAt = ?1 where id in ?2 and status = ?3", now(), ids, ImportStatus.RUNNING));
    }

    /**
     * Marks INTERRUPTED every RUNNING import whose heartbeat is older than the lease, at its last committed
     * line. The rows are locked first, so two instances looking at once mark each import once.
     */
    @Scheduled(identity = "registry-import-recovery", every = "30s", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void interruptStale() {
        Instant cutoff = now().minus(settings.lease());
        List<Long> interrupted = QuarkusTransaction.requiringNew().call(() -> {
            List<Long> ids = new ArrayList<>();
            for (RegistryImport job : RegistryImport.<RegistryImport>find("status = ?1 and heartbeatAt < ?2",
                    ImportStatus.RUNNING, cutoff).withLock(LockModeType.PESSIMISTIC_WRITE).list()) {
                job.interrupt(now());
                audit.record(null, "REGISTRY_IMPORT_INTERRUPTED", AuditLog.detail("importId", job.id,
                        "studyKey", job.studyKey, "lastCommittedLine", job.lastCommittedLine,
                        "created", job.created, "updated", job.updated, "rejected", job.rejected));
                ids.add(job.id);
            }
            return ids;
        });
        if (!interrupted.isEmpty()) {
            LOG.warnf("Registry imports %s were interrupted when their node stopped; marked INTERRUPTED", interrupted);
        }
    }

    private List<ImportView.RejectedLine> rejectedLines(long id, int page, int size) {
        List<ImportView.RejectedLine> lines = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT line, reason"
                     + " FROM dsar_registry_import_rejection WHERE import_id = ? ORDER BY line LIMIT ? OFFSET ?")) {
            select.setLong(1, id);
            select.setInt(2, size);
            select.setLong(3, (long) page * size);
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    lines.add(new ImportView.RejectedLine(result.getLong(1), RejectionReason.valueOf(result.getString(2))));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The rejected lines of import " + id + " could not be read", e);
        }
        return lines;
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
