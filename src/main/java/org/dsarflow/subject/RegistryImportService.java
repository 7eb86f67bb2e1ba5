package org.dsarflow.subject;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import org.dsarflow.audit.AuditLog;
import org.dsarflow.shared.InvalidInputException;
import org.dsarflow.subject.identity.DirectIdentifiers;
import org.dsarflow.subject.identity.IdentifierHasher;
import org.dsarflow.subject.identity.IdentifierNormaliser;
import org.dsarflow.subject.identity.IdentifierScheme;
import org.dsarflow.subject.identity.InvalidIdentifierException;
import org.jboss.logging.Logger;
import org.dsarflow.shared.Keys;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
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
    private static final Pattern NAME = Pattern.compile(Keys.IDENTIFIER);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final CsvMapper CSV = new CsvMapper();

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
        return run(studyKey, actor, rows -> readJson(body, rows));
    }

    public ImportReport importCsv(String studyKey, InputStream body, String actor) {
        return run(studyKey, actor, rows -> readCsv(body, rows));
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

    private static void readJson(InputStream body, RowSink rows) {
        try (JsonParser parser = JSON.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw new InvalidInputException("body", "The registry must be a JSON array of subjects");
            }
            long position = 0;
            JsonToken token;
            while ((token = parser.nextToken()) != JsonToken.END_ARRAY && token != null) {
                position++;
                JsonNode element = parser.readValueAsTree();
                rows.accept(position, () -> jsonRow(element));
            }
        } catch (JsonProcessingException e) {
            rows.stop("the JSON is malformed from here on; the rest was not read");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static RowDraft jsonRow(JsonNode element) {
        if (!element.isObject()) {
            throw new RowProblem("is not an object");
        }
        return new RowDraft(text(element, "subjectRef"), text(element, "category"),
                textMap(element, "identifiers"), textList(element, "holdings"), textMap(element, "attributes"));
    }

    private static void readCsv(InputStream body, RowSink rows) {
        try (MappingIterator<String[]> records = CSV.readerFor(String[].class)
                .with(CsvParser.Feature.WRAP_AS_ARRAY)
                .with(CsvParser.Feature.TRIM_SPACES)
                .readValues(body)) {
            if (!records.hasNextValue()) {
                throw new InvalidInputException("body", "The CSV has no header row");
            }
            CsvHeader header = CsvHeader.of(records.nextValue());
            long line = 1;
            while (records.hasNextValue()) {
                line++;
                String[] record = records.nextValue();
                if (record.length == 1 && record[0].isEmpty()) {
                    continue;
                }
                rows.accept(line, () -> header.row(record));
            }
        } catch (JsonProcessingException e) {
            rows.stop("the CSV is malformed from here on; the rest was not read");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The columns of a CSV registry: subjectRef, category, holdings, id.&lt;key&gt;, attr.&lt;name&gt;. */
    private record CsvHeader(List<String> columns) {

        static CsvHeader of(String[] names) {
            List<String> columns = List.of(names);
            if (columns.stream().distinct().count() != columns.size()) {
                throw new InvalidInputException("header", "The CSV header names a column twice");
            }
            for (String column : columns) {
                boolean known = column.equals("subjectRef") || column.equals("category") || column.equals("holdings")
                        || prefixed(column, "id.") || prefixed(column, "attr.");
                if (!known) {
                    throw new InvalidInputException("header", "Unknown CSV column '" + column
                            + "': expected subjectRef, category, holdings, id.<key> or attr.<name>");
                }
            }
            for (String required : List.of("subjectRef", "category", "holdings")) {
                if (!columns.contains(required)) {
                    throw new InvalidInputException("header", "The CSV header has no " + required + " column");
                }
            }
            return new CsvHeader(columns);
        }

        private static boolean prefixed(String column, String prefix) {
            return column.startsWith(prefix) && NAME.matcher(column.substring(prefix.length())).matches();
        }

        RowDraft row(String[] record) {
            if (record.length != columns.size()) {
                throw new RowProblem("has " + record.length + " fields; the header has " + columns.size());
            }
            Map<String, String> identifiers = new LinkedHashMap<>();
            Map<String, String> attributes = new LinkedHashMap<>();
            String subjectRef = null;
            String category = null;
            List<String> holdings = List.of();
            for (int i = 0; i < record.length; i++) {
                String column = columns.get(i);
                String value = record[i];
                switch (column) {
                    case "subjectRef" -> subjectRef = value;
                    case "category" -> category = value;
                    case "holdings" -> holdings = value.isBlank() ? List.of()
                            : List.of(value.split(";")).stream().map(String::strip).filter(h -> !h.isEmpty()).toList();
                    default -> {
                        if (!value.isBlank()) {
                            (column.startsWith("id.") ? identifiers : attributes).put(column.substring(column.indexOf('.') + 1), value);
                        }
                    }
                }
            }
            return new RowDraft(subjectRef, category, identifiers, holdings, attributes);
        }
    }

    /** Collects checked rows into batches and writes each batch in its own transaction. */
    private final class RowSink {
        private final StudyShape study;
        private final Map<String, Long> seen = new HashMap<>();
        private final List<RegistryWriter.PreparedRow> batch = new ArrayList<>(BATCH);
        private final List<ImportReport.Rejection> rejected = new ArrayList<>();
        private long created;
        private long updated;
        private long lastLine;

        RowSink(StudyShape study) {
            this.study = study;
        }

        void accept(long line, Supplier<RowDraft> draft) {
            lastLine = line;
            try {
                RegistryWriter.PreparedRow row = prepare(line, draft.get());
                Long first = seen.putIfAbsent(row.subjectRef(), line);
                if (first != null) {
                    throw new RowProblem("repeats subjectRef " + row.subjectRef() + " of line " + first);
                }
                batch.add(row);
                if (batch.size() == BATCH) {
                    flush();
                }
            } catch (RowProblem problem) {
                rejected.add(new ImportReport.Rejection(line, problem.getMessage()));
            }
        }

        void stop(String problem) {
            rejected.add(new ImportReport.Rejection(lastLine + 1, problem));
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

        private RegistryWriter.PreparedRow prepare(long line, RowDraft draft) {
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
            return new RegistryWriter.PreparedRow(line, draft.subjectRef().strip(), draft.category().strip(),
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

    private record RowDraft(String subjectRef, String category, Map<String, String> identifiers,
                            List<String> holdings, Map<String, String> attributes) {
    }

    /** A row-level problem: the row is rejected, the import goes on. */
    private static final class RowProblem extends RuntimeException {
        RowProblem(String problem) {
            super(problem, null, false, false);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isValueNode()) {
            throw new RowProblem(field + " must be text");
        }
        return value.asText();
    }

    private static Map<String, String> textMap(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return Map.of();
        }
        if (!value.isObject()) {
            throw new RowProblem(field + " must be an object of names to text");
        }
        Map<String, String> map = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            if (!entry.getValue().isValueNode()) {
                throw new RowProblem(field + "." + entry.getKey() + " must be text");
            }
            if (!entry.getValue().isNull() && !entry.getValue().asText().isBlank()) {
                map.put(entry.getKey(), entry.getValue().asText());
            }
        }
        return map;
    }

    private static List<String> textList(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            throw new RowProblem(field + " must be an array of holding keys");
        }
        List<String> list = new ArrayList<>();
        value.forEach(item -> list.add(item.asText().strip()));
        return list;
    }
}
