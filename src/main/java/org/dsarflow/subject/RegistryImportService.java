package org.dsarflow.subject;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import org.dsarflow.audit.AuditLog;
import org.dsarflow.subject.identity.DirectIdentifiers;
import org.dsarflow.subject.identity.IdentifierHasher;
import org.dsarflow.subject.identity.IdentifierNormaliser;
import org.dsarflow.subject.identity.IdentifierScheme;
import org.dsarflow.subject.identity.InvalidIdentifierException;
import org.jboss.logging.Logger;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Imports a study's participant registry, streamed: rows are read one at a time and written in
 * batches, each batch in its own transaction, so a million-row file never sits in memory and a crash
 * never leaves half a row. A bad row is reported by line and skipped; the good rows go in.
 */
@ApplicationScoped
public class RegistryImportService {

    private static final Logger LOG = Logger.getLogger(RegistryImportService.class);
    static final int BATCH = 1000;
    static final String RAW_IDENTIFIER_PREFIX = DirectIdentifiers.RAW_IDENTIFIER_PREFIX;
    private static final Pattern SUBJECT_REF = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Pattern CATEGORY = Pattern.compile(StudyDescription.CATEGORY);
    private static final Pattern NAME = Pattern.compile(StudyDescription.IDENTIFIER_KEY);

    private final StudyService studies;
    private final RegistryWriter writer;
    private final IdentifierHasher hasher;
    private final AuditLog audit;

    RegistryImportService(StudyService studies, RegistryWriter writer, IdentifierHasher hasher, AuditLog audit) {
        this.audit = audit;
        this.studies = studies;
        this.writer = writer;
        this.hasher = hasher;
    }

    public ImportReport importJson(String studyKey, InputStream body, String actor) {
        return run(studyKey, actor, rows -> RegistryJsonReader.read(body, rows));
    }

    public ImportReport importCsv(String studyKey, InputStream body, String actor) {
        return run(studyKey, actor, rows -> RegistryCsvReader.read(body, rows));
    }

    private ImportReport run(String studyKey, String actor, Consumer<RowSink> reader) {
        StudyShape study = QuarkusTransaction.requiringNew().call(() -> StudyShape.of(studies.find(studyKey)));
        RowSink sink = new RowSink(study);
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

    /** Collects checked rows into batches and writes each batch in its own transaction. */
    private final class RowSink implements Consumer<RegistryDraftRow> {
        private final StudyShape study;
        private final Map<String, Long> seen = new HashMap<>();
        private final List<RegistryWriter.PreparedRow> batch = new ArrayList<>(BATCH);
        private final List<ImportReport.Rejection> rejected = new ArrayList<>();
        private long created;
        private long updated;

        RowSink(StudyShape study) {
            this.study = study;
        }

        @Override
        public void accept(RegistryDraftRow draft) {
            try {
                if (draft.problem() != null) {
                    throw new RowProblem(draft.problem());
                }
                RegistryWriter.PreparedRow row = prepare(draft);
                Long first = seen.putIfAbsent(row.subjectRef(), draft.line());
                if (first != null) {
                    throw new RowProblem("repeats subjectRef " + row.subjectRef() + " of line " + first);
                }
                batch.add(row);
                if (batch.size() == BATCH) {
                    flush();
                }
            } catch (RowProblem problem) {
                rejected.add(new ImportReport.Rejection(draft.line(), problem.getMessage()));
            }
        }

        void flush() {
            if (batch.isEmpty()) {
                return;
            }
            RegistryWriter.Written written = QuarkusTransaction.requiringNew().call(() -> {
                RegistryWriter.Written batchWritten = writer.write(study.key(), batch);
                audit.record(null, "REGISTRY_BATCH_IMPORTED", AuditLog.detail("studyKey", study.key(),
                        "fromLine", batch.get(0).line(), "toLine", batch.get(batch.size() - 1).line(),
                        "created", batchWritten.created(), "updated", batchWritten.updated(),
                        "restricted", batchWritten.restricted().size()));
                return batchWritten;
            });
            created += written.created();
            updated += written.updated();
            written.restricted().forEach(row -> rejected.add(new ImportReport.Rejection(row.line(),
                    "subjectRef " + row.subjectRef() + " is restricted by a data-subject request and is left as it is")));
            batch.clear();
        }

        private RegistryWriter.PreparedRow prepare(RegistryDraftRow draft) {
            if (draft.subjectRef() == null || !SUBJECT_REF.matcher(draft.subjectRef().strip()).matches()) {
                throw new RowProblem("subjectRef is missing or not 1 to 64 letters, digits, '.', '_' or '-'");
            }
            if (draft.category() == null || !CATEGORY.matcher(draft.category().strip()).matches()) {
                throw new RowProblem("category is missing or not an upper-case name such as SOCIAL_WORKER");
            }
            if (draft.holdings().isEmpty()) {
                throw new RowProblem("names no holding");
            }
            for (String holding : draft.holdings()) {
                if (!study.holdings().containsKey(holding)) {
                    throw new RowProblem("names holding '" + holding + "', which study " + study.key() + " does not have");
                }
            }
            for (String name : draft.attributes().keySet()) {
                if (!NAME.matcher(name).matches()) {
                    throw new RowProblem("has an attribute name that is not a plain name");
                }
            }
            Map<String, String> lookups = new LinkedHashMap<>();
            try {
                for (Map.Entry<String, String> identifier : draft.identifiers().entrySet()) {
                    if (!NAME.matcher(identifier.getKey()).matches()) {
                        throw new RowProblem("has an identifier name that is not a plain name");
                    }
                    IdentifierNormaliser.normalise(identifier.getKey(), identifier.getValue());
                }
                for (IdentifierScheme scheme : study.schemes()) {
                    hasher.lookupHash(scheme, draft.identifiers()).ifPresent(hash -> lookups.put(scheme.name(), hash));
                }
            } catch (InvalidIdentifierException e) {
                throw new RowProblem("identifier " + e.key() + " is not valid");
            }
            if (lookups.isEmpty()) {
                throw new RowProblem("has no identifiers that complete a scheme of the study ("
                        + study.schemes().stream().map(IdentifierScheme::name).collect(Collectors.joining(", ")) + ")");
            }
            Map<String, String> attributes = new LinkedHashMap<>(draft.attributes());
            boolean holdsIdentifiers = draft.holdings().stream().anyMatch(h -> study.holdings().get(h).holdsRawIdentifiers());
            if (holdsIdentifiers) {
                draft.identifiers().forEach((key, value) -> attributes.put(RAW_IDENTIFIER_PREFIX + key, value.strip()));
            }
            return new RegistryWriter.PreparedRow(draft.line(), draft.subjectRef().strip(), draft.category().strip(),
                    Set.copyOf(draft.holdings()), attributes, lookups);
        }
    }

    /** What the import needs of the study, read once before the rows. */
    private record StudyShape(String key, Map<String, Holding> holdings, List<IdentifierScheme> schemes) {
        static StudyShape of(Study study) {
            return new StudyShape(study.key,
                    study.holdings().stream().collect(Collectors.toMap(h -> h.key, h -> h)),
                    study.identifierSchemes.stream().map(IdentifierScheme::of).toList());
        }
    }

    /** A row-level problem: the row is rejected, the import goes on. */
    private static final class RowProblem extends RuntimeException {
        RowProblem(String problem) {
            super(problem, null, false, false);
        }
    }
}
