package org.dsarflow.subject;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import org.dsarflow.audit.AuditLog;
import org.dsarflow.shared.DsarConfig;
import org.dsarflow.subject.identity.IdentifierHasher;
import org.dsarflow.subject.identity.IdentifierScheme;
import org.jboss.logging.Logger;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.event.Observes;
import io.quarkus.runtime.StartupEvent;
import org.dsarflow.shared.InvalidInputException;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.eclipse.microprofile.context.ThreadContext;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Imports a study's participant registry, streamed: rows are read one at a time and written in
 * batches, each batch in its own transaction, so a million-row file never sits in memory and a crash
 * never leaves half a row. A bad row is reported by line and skipped; the good rows go in. Every import
 * is a job (RegistryImports): its record advances in each batch's transaction, so it always says how far
 * the import got, and while it runs no other import into the study starts. An import runs in the caller's
 * thread, or on a worker from a file the upload was first saved to. Rows are counted as each batch commits
 * (dsar_registry_import_rows_total{outcome=created|updated|rejected}); the service starts with the
 * application, so the counters are there, at zero, before the first import.
 */
@Startup
@ApplicationScoped
public class RegistryImportService {

    private static final Logger LOG = Logger.getLogger(RegistryImportService.class);
    /** Rows a transaction: on H2, 10,000 wrote 45 % more bytes than 1,000 (bench/README.md, "Registry import"). */
    static final int BATCH = 1000;
    /** Imports run on workers at once; more wait their turn. */
    private static final int WORKERS = 2;
    private static final String UPLOAD_PREFIX = "dsar-import-";
    private static final String UPLOAD_SUFFIX = ".upload";

    private final StudyService studies;
    private final RegistryWriter writer;
    private final RegistryImports imports;
    private final IdentifierHasher hasher;
    private final AuditLog audit;
    private final DsarConfig config;
    private final RegistryImportConfig settings;
    private final Counter createdRows;
    private final Counter updatedRows;
    private final Counter rejectedRows;
    private final ManagedExecutor workers = ManagedExecutor.builder().maxAsync(WORKERS)
            .propagated(ThreadContext.NONE).cleared(ThreadContext.ALL_REMAINING).build();

    RegistryImportService(StudyService studies, RegistryWriter writer, RegistryImports imports, IdentifierHasher hasher,
                          AuditLog audit, MeterRegistry metrics, DsarConfig config, RegistryImportConfig settings) {
        this.audit = audit;
        this.config = config;
        this.settings = settings;
        this.studies = studies;
        this.writer = writer;
        this.imports = imports;
        this.hasher = hasher;
        this.createdRows = rows(metrics, "created");
        this.updatedRows = rows(metrics, "updated");
        this.rejectedRows = rows(metrics, "rejected");
    }

    private static Counter rows(MeterRegistry metrics, String outcome) {
        return Counter.builder("dsar.registry.import.rows").description("Registry rows imported, by outcome")
                .tag("outcome", outcome).register(metrics);
    }

    public ImportReport importJson(String studyKey, InputStream body, String actor) {
        return importNow(studyKey, RegistryFormat.JSON, body, actor);
    }

    public ImportReport importCsv(String studyKey, InputStream body, String actor) {
        return importNow(studyKey, RegistryFormat.CSV, body, actor);
    }

    /**
     * Imports in the caller's thread and answers the report.
     *
     * @throws org.dsarflow.shared.ConflictException IMPORT_RUNNING while another import into the study runs
     */
    public ImportReport importNow(String studyKey, RegistryFormat format, InputStream body, String actor) {
        StudyShape study = shapeOf(studyKey);
        long id = imports.start(studyKey, format, actor);
        try {
            return run(id, study, format, body, actor);
        } finally {
            imports.ended(id);
        }
    }

    /**
     * Saves the upload to a file and imports it on a worker; answers the import's id at once. The file is
     * deleted when the import ends, however it ends.
     *
     * @throws org.dsarflow.shared.ConflictException IMPORT_RUNNING while another import into the study runs,
     *                                               checked before the upload is read and again after
     */
    public long submit(String studyKey, RegistryFormat format, InputStream body, String actor) {
        StudyShape study = shapeOf(studyKey);
        imports.refuseWhileRunning(studyKey);
        Path upload = save(body);
        long id;
        try {
            id = imports.start(studyKey, format, actor);
        } catch (RuntimeException e) {
            delete(upload);
            throw e;
        }
        try {
            workers.execute(() -> runUpload(id, study, format, upload, actor));
        } catch (RuntimeException e) {
            delete(upload);
            imports.fail(id, "ERROR", null);
            imports.ended(id);
            throw e;
        }
        return id;
    }

    private static Path save(InputStream body) {
        Path upload;
        try {
            upload = Files.createTempFile(UPLOAD_PREFIX, UPLOAD_SUFFIX);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            Files.copy(body, upload, StandardCopyOption.REPLACE_EXISTING);
            return upload;
        } catch (IOException e) {
            delete(upload);
            throw new InvalidInputException("body", "The upload did not arrive whole; send the file again");
        }
    }

    private void runUpload(long id, StudyShape study, RegistryFormat format, Path upload, String actor) {
        try (InputStream in = Files.newInputStream(upload)) {
            run(id, study, format, in, actor);
        } catch (InvalidInputException e) {
            LOG.infof("Registry import %d into %s refused: its %s is not acceptable", id, study.key(), e.field());
        } catch (IOException | RuntimeException e) {
            LOG.errorf("Registry import %d into %s failed: %s", id, study.key(), e.getClass().getName());
            if (e instanceof IOException) {
                imports.fail(id, "ERROR", null);
            }
        } finally {
            delete(upload);
            imports.ended(id);
        }
    }

    private static void delete(Path upload) {
        try {
            Files.deleteIfExists(upload);
        } catch (IOException e) {
            LOG.warnf("An import's upload %s could not be deleted", upload.getFileName());
        }
    }

    /**
     * Uploads left behind by an instance that stopped mid-import. On Linux a worker still reading a file
     * (of another instance on this machine) keeps reading it after its name is gone; one being written now
     * is younger than the lease.
     */
    void onStart(@Observes StartupEvent start) {
        Path dir = Path.of(System.getProperty("java.io.tmpdir"));
        Instant before = Instant.now().minus(settings.lease());
        try (DirectoryStream<Path> left = Files.newDirectoryStream(dir, UPLOAD_PREFIX + "*" + UPLOAD_SUFFIX)) {
            for (Path upload : left) {
                if (Files.getLastModifiedTime(upload).toInstant().isBefore(before)) {
                    delete(upload);
                }
            }
        } catch (IOException e) {
            LOG.warnf("Uploads left by stopped imports could not be listed: %s", e.getClass().getName());
        }
    }

    @PreDestroy
    void stop() {
        workers.shutdownNow();
    }

    /** Reads and writes the whole file; marks the import FAILED when it stops on an error, and rethrows. */
    private ImportReport run(long id, StudyShape study, RegistryFormat format, InputStream body, String actor) {
        RowSink sink = new RowSink(id, study.key(), actor,
                new RegistryRowCheck(study, hasher, config.limits().csvCellLength()));
        try {
            format.read(body, sink);
            sink.flush(true);
        } catch (InvalidInputException e) {
            failed(id, "INVALID_INPUT", e.field(), e);
            throw e;
        } catch (UncheckedIOException e) {
            failed(id, "UPLOAD_INCOMPLETE", null, e);
            throw e;
        } catch (RuntimeException e) {
            failed(id, "ERROR", null, e);
            throw e;
        }
        ImportReport report = new ImportReport(sink.created, sink.updated, List.copyOf(sink.rejected));
        LOG.infof("Registry import %d into %s by %s: %d created, %d updated, %d rejected", id, study.key(), actor,
                report.created(), report.updated(), report.rejected().size());
        return report;
    }

    private void failed(long id, String reason, String field, RuntimeException cause) {
        try {
            imports.fail(id, reason, field);
        } catch (RuntimeException e) {
            cause.addSuppressed(e);
        }
    }

    private StudyShape shapeOf(String studyKey) {
        return QuarkusTransaction.requiringNew().call(() -> shapeOf(studies.find(studyKey)));
    }

    private static StudyShape shapeOf(Study study) {
        List<Holding> holdings = study.holdings();
        return new StudyShape(study.key,
                holdings.stream().map(h -> h.key).collect(Collectors.toUnmodifiableSet()),
                holdings.stream().filter(Holding::holdsRawIdentifiers).map(h -> h.key).collect(Collectors.toUnmodifiableSet()),
                study.identifierSchemes.stream().map(IdentifierScheme::of).toList());
    }

    /**
     * Collects checked rows into batches and writes each batch in its own transaction, with the import's
     * record of how far it got and the lines rejected since the last batch.
     */
    private final class RowSink implements Consumer<RegistryDraftRow> {
        private final long importId;
        private final String studyKey;
        private final String actor;
        private final RegistryRowCheck check;
        private final List<RegistryWriter.PreparedRow> batch = new ArrayList<>(BATCH);
        private final List<ImportReport.Rejection> rejectedSinceBatch = new ArrayList<>();
        private final List<ImportReport.Rejection> rejected = new ArrayList<>();
        private long lastLine;
        private long created;
        private long updated;

        RowSink(long importId, String studyKey, String actor, RegistryRowCheck check) {
            this.importId = importId;
            this.studyKey = studyKey;
            this.actor = actor;
            this.check = check;
        }

        @Override
        public void accept(RegistryDraftRow draft) {
            lastLine = draft.line();
            RegistryRowCheck.Outcome outcome = check.check(draft);
            if (outcome instanceof RegistryRowCheck.Rejected rejection) {
                rejectedSinceBatch.add(rejection.rejection());
                rejectedRows.increment();
            } else if (outcome instanceof RegistryRowCheck.Passed passed) {
                batch.add(passed.row());
            }
            if (batch.size() == BATCH || rejectedSinceBatch.size() == BATCH) {
                flush(false);
            }
        }

        /** {@code last}: the file has been read to its end, and the import completes with this batch. */
        void flush(boolean last) {
            List<ImportReport.Rejection> restricted = new ArrayList<>();
            RegistryWriter.Written written = QuarkusTransaction.requiringNew().call(() -> {
                RegistryWriter.Written batchWritten = batch.isEmpty()
                        ? new RegistryWriter.Written(0, 0, List.of()) : writer.write(studyKey, batch);
                if (!batch.isEmpty()) {
                    audit.recordFor(actor, null, "REGISTRY_BATCH_IMPORTED", AuditLog.detail("importId", importId,
                            "studyKey", studyKey, "fromLine", batch.get(0).line(),
                            "toLine", batch.get(batch.size() - 1).line(), "created", batchWritten.created(),
                            "updated", batchWritten.updated(), "restricted", batchWritten.restricted().size()));
                }
                restricted.clear();
                batchWritten.restricted().forEach(row -> restricted.add(new ImportReport.Rejection(row.line(),
                        RejectionReason.RESTRICTED, "subjectRef " + row.subjectRef()
                        + " is restricted by a data-subject request and is left as it is")));
                List<ImportReport.Rejection> committedRejections = new ArrayList<>(rejectedSinceBatch);
                committedRejections.addAll(restricted);
                imports.committed(importId, lastLine, batchWritten.created(), batchWritten.updated(),
                        committedRejections);
                if (last) {
                    imports.complete(importId);
                }
                return batchWritten;
            });
            created += written.created();
            updated += written.updated();
            createdRows.increment(written.created());
            updatedRows.increment(written.updated());
            rejectedRows.increment(restricted.size());
            rejected.addAll(rejectedSinceBatch);
            rejected.addAll(restricted);
            rejectedSinceBatch.clear();
            batch.clear();
        }
    }
}
