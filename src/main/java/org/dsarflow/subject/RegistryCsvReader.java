package org.dsarflow.subject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import org.dsarflow.shared.InvalidInputException;
import org.dsarflow.shared.Keys;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Reads a CSV registry into draft rows numbered by their line, the header being line 1. Records are read
 * one at a time; blank lines are skipped.
 */
final class RegistryCsvReader {

    private static final CsvMapper CSV = new CsvMapper();
    private static final Pattern NAME = Pattern.compile(Keys.IDENTIFIER);

    private RegistryCsvReader() {
    }

    /** @throws InvalidInputException when the header is missing or wrong: the whole file is refused */
    static void read(InputStream body, Consumer<RegistryDraftRow> rows) {
        long delivered = 0;
        try (MappingIterator<String[]> records = CSV.readerFor(String[].class)
                .with(CsvParser.Feature.WRAP_AS_ARRAY)
                .with(CsvParser.Feature.TRIM_SPACES)
                .readValues(body)) {
            if (!records.hasNextValue()) {
                throw new InvalidInputException("body", "The CSV has no header row");
            }
            Header header = Header.of(records.nextValue());
            long line = 1;
            while (records.hasNextValue()) {
                line++;
                String[] record = records.nextValue();
                if (record.length == 1 && record[0].isEmpty()) {
                    continue;
                }
                delivered = line;
                rows.accept(header.row(line, record));
            }
        } catch (JsonProcessingException e) {
            // The unread rest begins after the last row delivered: skipped blank lines were no rows.
            rows.accept(RegistryDraftRow.malformedFrom(delivered + 1, "CSV"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The columns of a CSV registry: subjectRef, category, holdings, id.&lt;key&gt;, attr.&lt;name&gt;. */
    private record Header(List<String> columns) {

        static Header of(String[] names) {
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
            return new Header(columns);
        }

        private static boolean prefixed(String column, String prefix) {
            return column.startsWith(prefix) && NAME.matcher(column.substring(prefix.length())).matches();
        }

        /** Holdings are separated by ';'; an empty identifier or attribute cell is left out. */
        RegistryDraftRow row(long line, String[] record) {
            if (record.length != columns.size()) {
                return RegistryDraftRow.unreadable(line, "has " + record.length + " fields; the header has " + columns.size());
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
            return new RegistryDraftRow(line, subjectRef, category, identifiers, holdings, attributes);
        }
    }
}
