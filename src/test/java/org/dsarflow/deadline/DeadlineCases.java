package org.dsarflow.deadline;

import org.dsarflow.intake.Receipt;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The worked cases of {@code deadline-cases.csv} (test classpath, a byte-identical copy of the shared
 * original) and of our own {@code deadline-cases-article-12a.csv} (each type either side of 5 February 2026,
 * when Article 12A took effect), shared by the engine test and the REST end-to-end test. Columns: id,
 * receivedAt, type, events, expectedDeadline, note; events look like
 * {@code CLARIFICATION_REQUESTED@2024-10-02;CLARIFICATION_RECEIVED@2024-10-09}.
 */
public final class DeadlineCases {

    public static final String RESOURCE = "/deadline-cases.csv";
    public static final String ARTICLE_12A_RESOURCE = "/deadline-cases-article-12a.csv";
    private static final ZoneId UK = ZoneId.of("Europe/London");

    /**
     * One worked case.
     *
     * @param receivedAt       as written: an ISO date ({@code 2024-09-03}) or ISO offset date-time
     *                         ({@code 2024-09-04T00:15:00+01:00})
     * @param expectedDeadline null if the row leaves it blank (deadline unknown)
     */
    public record DeadlineCase(String id, String receivedAt, String type, List<ClockEvent> events,
            LocalDate expectedDeadline, String note) {

        public DeadlineCase {
            events = List.copyOf(events);
        }

        /** Whether receivedAt carries a time of day, not just a date. */
        public boolean hasTime() {
            return receivedAt.contains("T");
        }

        /** The receipt date: the date itself, or the Europe/London date of the instant. */
        public LocalDate receiptDate() {
            return Receipt.parse(receivedAt, UK).on();
        }

        /** The instant of receipt; a bare date is taken as midday in London, safely inside that date. */
        public Instant receivedAtInstant() {
            return hasTime()
                    ? OffsetDateTime.parse(receivedAt).toInstant()
                    : LocalDate.parse(receivedAt).atTime(12, 0).atZone(UK).toInstant();
        }

        @Override
        public String toString() {
            return id;
        }
    }

    private DeadlineCases() {
    }

    public static List<DeadlineCase> load() {
        List<DeadlineCase> cases = new ArrayList<>(load(RESOURCE));
        cases.addAll(load(ARTICLE_12A_RESOURCE));
        return cases;
    }

    private static List<DeadlineCase> load(String resource) {
        try (InputStream in = DeadlineCases.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the test classpath");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<DeadlineCase> parse(String csv) {
        List<List<String>> rows = csvRows(csv);
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("no header row");
        }
        Map<String, Integer> column = new HashMap<>();
        List<String> header = rows.get(0);
        for (int i = 0; i < header.size(); i++) {
            column.put(header.get(i).strip(), i);
        }
        List<DeadlineCase> cases = new ArrayList<>();
        for (List<String> row : rows.subList(1, rows.size())) {
            String expected = field(row, column, "expectedDeadline");
            cases.add(new DeadlineCase(
                    field(row, column, "id"),
                    field(row, column, "receivedAt"),
                    field(row, column, "type"),
                    events(field(row, column, "events")),
                    expected.isEmpty() ? null : LocalDate.parse(expected),
                    field(row, column, "note")));
        }
        return cases;
    }

    /** Parses {@code KIND@YYYY-MM-DD;KIND@YYYY-MM-DD}; blank means no events. */
    public static List<ClockEvent> events(String text) {
        List<ClockEvent> events = new ArrayList<>();
        for (String item : text.split(";")) {
            if (item.isBlank()) {
                continue;
            }
            String[] parts = item.strip().split("@", 2);
            if (parts.length != 2) {
                throw new IllegalArgumentException("event '" + item + "' is not KIND@YYYY-MM-DD");
            }
            events.add(ClockEvent.of(ClockEventKind.valueOf(parts[0].strip()), LocalDate.parse(parts[1].strip())));
        }
        return events;
    }

    private static String field(List<String> row, Map<String, Integer> column, String name) {
        Integer index = column.get(name);
        if (index == null) {
            throw new IllegalArgumentException("no column '" + name + "'");
        }
        return index < row.size() ? row.get(index).strip() : "";
    }

    /** RFC 4180: quoted fields may hold commas, line breaks and doubled quotes; blank lines are skipped. */
    static List<List<String>> csvRows(String csv) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean rowHasContent = false;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
                rowHasContent = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
                rowHasContent = true;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') {
                    i++;
                }
                if (rowHasContent || field.length() > 0) {
                    row.add(field.toString());
                    rows.add(row);
                }
                row = new ArrayList<>();
                field.setLength(0);
                rowHasContent = false;
            } else if (c != '\uFEFF' || i > 0) {
                field.append(c);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("unterminated quoted field");
        }
        if (rowHasContent || field.length() > 0) {
            row.add(field.toString());
            rows.add(row);
        }
        return rows;
    }
}
