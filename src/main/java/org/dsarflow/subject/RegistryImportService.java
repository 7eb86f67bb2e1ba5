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

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Imports a study's participant registry, streamed: rows are read one at a time and written in
 * batches, each batch in its own transaction, so a million-row file never sits in memory and a crash
 * never leaves half a row. A bad row is reported by line and skipped; the good rows go in. Rows are
 * counted as each batch commits (dsar_registry_import_rows_total{outcome=created|updated|rejected}); the
 * service starts with the application, so the counters are there, at zero, before the first import.
 */
@Startup
@ApplicationScoped
public class RegistryImportService {

    private static final Logger LOG = Logger.getLogger(RegistryImportService.class);
    static final int BATCH = 1000;

    private final StudyService studies;
    private final RegistryWriter writer;
    private final IdentifierHasher hasher;
    private final AuditLog audit;
    private final DsarConfig config;
    private final Counter createdRows;
    private final Counter updatedRows;
    private final Counter rejectedRows;

    RegistryImportService(StudyService studies, RegistryWriter writer, IdentifierHasher hasher, AuditLog audit,
                          MeterRegistry metrics, DsarConfig config) {
        this.audit = audit;
        this.config = config;
        this.studies = studies;
        this.writer = writer;
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
        return run(studyKey, actor, rows -> RegistryJsonReader.read(body, rows));
    }

    public ImportReport importCsv(String studyKey, InputStream body, String actor) {
        return run(studyKey, actor, rows -> RegistryCsvReader.read(body, rows));
    }

    private ImportReport run(String studyKey, String actor, Consumer<RowSink> reader) {
        StudyShape study = QuarkusTransaction.requiringNew().call(() -> shapeOf(studies.find(studyKey)));
        RowSink sink = new RowSink(study.key(), new RegistryRowCheck(study, hasher, config.limits().csvCellLength()));
        reader.accept(sink);
        sink.flush();
        ImportReport report = new ImportReport(sink.created, sink.updated, List.copyOf(sink.rejected));
        QuarkusTransaction.requiringNew().run(() -> audit.record(null, "REGISTRY_IMPORTED", AuditLog.detail(
                "studyKey", studyKey, "created", report.created(), "updated", report.updated(),
                "rejected", report.rejected().size())));
        LOG.infof("Registry import into %s by %s: %d created, %d updated, %d rejected", studyKey, actor,
                report.created(), report.updated(), report.rejected().size());
        return report;
    }

    private static StudyShape shapeOf(Study study) {
        List<Holding> holdings = study.holdings();
        return new StudyShape(study.key,
                holdings.stream().map(h -> h.key).collect(Collectors.toUnmodifiableSet()),
                holdings.stream().filter(Holding::holdsRawIdentifiers).map(h -> h.key).collect(Collectors.toUnmodifiableSet()),
                study.identifierSchemes.stream().map(IdentifierScheme::of).toList());
    }

    /** Collects checked rows into batches and writes each batch in its own transaction. */
    private final class RowSink implements Consumer<RegistryDraftRow> {
        private final String studyKey;
        private final RegistryRowCheck check;
        private final List<RegistryWriter.PreparedRow> batch = new ArrayList<>(BATCH);
        private final List<ImportReport.Rejection> rejected = new ArrayList<>();
        private long created;
        private long updated;

        RowSink(String studyKey, RegistryRowCheck check) {
            this.studyKey = studyKey;
            this.check = check;
        }

        @Override
        public void accept(RegistryDraftRow draft) {
            RegistryRowCheck.Outcome outcome = check.check(draft);
            if (outcome instanceof RegistryRowCheck.Rejected rejection) {
                rejected.add(rejection.rejection());
                rejectedRows.increment();
            } else if (outcome instanceof RegistryRowCheck.Passed passed) {
                batch.add(passed.row());
                if (batch.size() == BATCH) {
                    flush();
                }
            }
        }

        void flush() {
            if (batch.isEmpty()) {
                return;
            }
            RegistryWriter.Written written = QuarkusTransaction.requiringNew().call(() -> {
                RegistryWriter.Written batchWritten = writer.write(studyKey, batch);
                audit.record(null, "REGISTRY_BATCH_IMPORTED", AuditLog.detail("studyKey", studyKey,
                        "fromLine", batch.get(0).line(), "toLine", batch.get(batch.size() - 1).line(),
                        "created", batchWritten.created(), "updated", batchWritten.updated(),
                        "restricted", batchWritten.restricted().size()));
                return batchWritten;
            });
            created += written.created();
            updated += written.updated();
            createdRows.increment(written.created());
            updatedRows.increment(written.updated());
            rejectedRows.increment(written.restricted().size());
            written.restricted().forEach(row -> rejected.add(new ImportReport.Rejection(row.line(),
                    "subjectRef " + row.subjectRef() + " is restricted by a data-subject request and is left as it is")));
            batch.clear();
        }
    }
}
