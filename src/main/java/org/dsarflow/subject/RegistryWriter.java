package org.dsarflow.subject;

import jakarta.enterprise.context.ApplicationScoped;
import org.dsarflow.shared.Sequences;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Writes one batch of registry rows inside the caller's transaction: an upsert by subjectRef that
 * replaces the subject's holdings, attributes and lookup hashes. Plain JDBC because a registry is
 * imported by the million and an ORM's per-entity work would dominate. On PostgreSQL the rows go in
 * through {@code COPY}: the subjects into a session's staging table and from there in one upsert, their
 * holdings, attributes and hashes straight into their tables. On H2, through JDBC batches.
 */
@ApplicationScoped
class RegistryWriter {

    /** The sequence steps by this much ({@code INCREMENT BY} in V2): one value reserves as many ids. */
    private static final String SUBJECT_SEQUENCE = "dsar_subject_seq";
    private static final int IDS_PER_SEQUENCE_VALUE = 1000;
    private static final List<String> CHILD_TABLES =
            List.of("dsar_subject_holding", "dsar_subject_attribute", "dsar_subject_lookup");

    private final DataSource dataSource;
    private final Sequences sequences;
    private final Clock clock;

    RegistryWriter(DataSource dataSource, Sequences sequences, Clock clock) {
        this.dataSource = dataSource;
        this.sequences = sequences;
        this.clock = clock;
    }

    /** {@code lookups}: scheme name to the lowercase hex of its hash. */
    record PreparedRow(long line, String subjectRef, String category, Set<String> holdings,
                       Map<String, String> attributes, Map<String, String> lookups) {
    }

    /** {@code restricted}: rows left alone because a data-subject request restricted their record. */
    record Written(int created, int updated, List<PreparedRow> restricted) {
    }

    Written write(String studyKey, List<PreparedRow> batch) {
        Timestamp now = Timestamp.from(Instant.now(clock));
        try (Connection connection = dataSource.getConnection()) {
            return connection.isWrapperFor(PGConnection.class)
                    ? copyAndUpsert(connection, connection.unwrap(PGConnection.class).getCopyAPI(), studyKey, batch, now)
                    : batched(connection, studyKey, batch, now);
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("Registry batch could not be written", e);
        }
    }

    /** {@code count} fresh subject ids, one sequence value per {@link #IDS_PER_SEQUENCE_VALUE}. */
    private long[] newIds(int count) {
        long[] ids = new long[count];
        long next = 0;
        for (int i = 0; i < count; i++) {
            if (i % IDS_PER_SEQUENCE_VALUE == 0) {
                next = sequences.next(SUBJECT_SEQUENCE);
            }
            ids[i] = next++;
        }
        return ids;
    }

    // --- H2: JDBC batches ---------------------------------------------------------------------

    private Written batched(Connection connection, String studyKey, List<PreparedRow> batch, Timestamp now)
            throws SQLException {
        Map<String, Long> existing = new HashMap<>();
        Set<String> restrictedRefs = existingIds(connection, studyKey, batch, existing);
        // Restriction (Art. 18) stops processing, and an import overwriting the record is processing.
        List<PreparedRow> restricted = batch.stream().filter(r -> restrictedRefs.contains(r.subjectRef())).toList();
        List<PreparedRow> rows = restricted.isEmpty() ? batch
                : batch.stream().filter(r -> !restrictedRefs.contains(r.subjectRef())).toList();
        long[] fresh = newIds(rows.size() - existing.size());
        long[] ids = new long[rows.size()];
        List<Long> replaced = new ArrayList<>();
        int nextFresh = 0;
        for (int i = 0; i < rows.size(); i++) {
            Long id = existing.get(rows.get(i).subjectRef());
            ids[i] = id == null ? fresh[nextFresh++] : id;
            if (id != null) {
                replaced.add(id);
            }
        }
        insertSubjects(connection, studyKey, rows, existing, ids, now);
        updateSubjects(connection, rows, existing, ids, now);
        for (String table : CHILD_TABLES) {
            deleteChildren(connection, table, replaced);
        }
        insertChildren(connection, rows, ids);
        return new Written(rows.size() - replaced.size(), replaced.size(), restricted);
    }

    /**
     * The records of a batch's refs already there. A join on the refs rather than
     * {@code subject_ref IN (...)}: H2 seeks an IN list only on an index's leading column, and
     * dsar_subject_ref_uk leads with the study (RegistryQueryPlanTest shows one seek per ref).
     */
    static final String EXISTING_REFS_H2 = "SELECT s.subject_ref, s.id, s.restricted_by"
            + " FROM UNNEST(CAST(? AS VARCHAR ARRAY)) r(ref)"
            + " JOIN dsar_subject s ON s.study_key = ? AND s.subject_ref = r.ref";

    /**
     * Fills {@code ids} with the unrestricted records already there; answers the restricted ones' refs.
     */
    private static Set<String> existingIds(Connection connection, String studyKey, List<PreparedRow> rows,
                                           Map<String, Long> ids) throws SQLException {
        Set<String> restricted = new HashSet<>();
        try (PreparedStatement select = connection.prepareStatement(EXISTING_REFS_H2)) {
            Array refs = connection.createArrayOf("VARCHAR", rows.stream().map(PreparedRow::subjectRef).toArray());
            select.setArray(1, refs);
            select.setString(2, studyKey);
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    if (result.getString(3) == null) {
                        ids.put(result.getString(1), result.getLong(2));
                    } else {
                        restricted.add(result.getString(1));
                    }
                }
            }
        }
        return restricted;
    }

    private static void insertSubjects(Connection connection, String studyKey, List<PreparedRow> rows,
                                       Map<String, Long> existing, long[] ids, Timestamp now) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO dsar_subject (id, study_key, subject_ref, category, imported_at) VALUES (?, ?, ?, ?, ?)")) {
            for (int i = 0; i < rows.size(); i++) {
                PreparedRow row = rows.get(i);
                if (existing.containsKey(row.subjectRef())) {
                    continue;
                }
                insert.setLong(1, ids[i]);
                insert.setString(2, studyKey);
                insert.setString(3, row.subjectRef());
                insert.setString(4, row.category());
                insert.setTimestamp(5, now);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static void updateSubjects(Connection connection, List<PreparedRow> rows, Map<String, Long> existing,
                                       long[] ids, Timestamp now) throws SQLException {
        if (existing.isEmpty()) {
            return;
        }
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE dsar_subject SET category = ?, imported_at = ? WHERE id = ?")) {
            for (int i = 0; i < rows.size(); i++) {
                PreparedRow row = rows.get(i);
                if (existing.containsKey(row.subjectRef())) {
                    update.setString(1, row.category());
                    update.setTimestamp(2, now);
                    update.setLong(3, ids[i]);
                    update.addBatch();
                }
            }
            update.executeBatch();
        }
    }

    private static void deleteChildren(Connection connection, String table, List<Long> subjectIds) throws SQLException {
        if (subjectIds.isEmpty()) {
            return;
        }
        String marks = String.join(",", Collections.nCopies(subjectIds.size(), "?"));
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM " + table + " WHERE subject_id IN (" + marks + ")")) {
            for (int i = 0; i < subjectIds.size(); i++) {
                delete.setLong(i + 1, subjectIds.get(i));
            }
            delete.executeUpdate();
        }
    }

    private static void insertChildren(Connection connection, List<PreparedRow> rows, long[] ids)
            throws SQLException {
        try (PreparedStatement holdings = connection.prepareStatement(
                     "INSERT INTO dsar_subject_holding (subject_id, holding_key) VALUES (?, ?)");
             PreparedStatement attributes = connection.prepareStatement(
                     "INSERT INTO dsar_subject_attribute (subject_id, attribute_name, attribute_value) VALUES (?, ?, ?)");
             PreparedStatement lookups = connection.prepareStatement(
                     "INSERT INTO dsar_subject_lookup (subject_id, scheme, lookup_hash) VALUES (?, ?, ?)")) {
            for (int i = 0; i < rows.size(); i++) {
                PreparedRow row = rows.get(i);
                long id = ids[i];
                for (String holding : row.holdings()) {
                    holdings.setLong(1, id);
                    holdings.setString(2, holding);
                    holdings.addBatch();
                }
                for (Map.Entry<String, String> attribute : row.attributes().entrySet()) {
                    attributes.setLong(1, id);
                    attributes.setString(2, attribute.getKey());
                    attributes.setString(3, attribute.getValue());
                    attributes.addBatch();
                }
                for (Map.Entry<String, String> lookup : row.lookups().entrySet()) {
                    lookups.setLong(1, id);
                    lookups.setString(2, lookup.getKey());
                    lookups.setBytes(3, LookupHashColumn.bytes(lookup.getValue()));
                    lookups.addBatch();
                }
            }
            holdings.executeBatch();
            attributes.executeBatch();
            lookups.executeBatch();
        }
    }

    // --- PostgreSQL: COPY -----------------------------------------------------------------------

    /**
     * A temporary table, so concurrent imports on other sessions never see each other's rows; emptied at
     * each commit (and by a rollback), created once per pooled connection.
     */
    private static final String STAGE = "CREATE TEMPORARY TABLE IF NOT EXISTS dsar_registry_stage"
            + " (new_id BIGINT NOT NULL, subject_ref VARCHAR(64) NOT NULL, category VARCHAR(32) NOT NULL)"
            + " ON COMMIT DELETE ROWS";

    /**
     * Every staged row gets a fresh id; a row whose subjectRef is there already keeps its record's id
     * (its fresh id is left unused), and a restricted record is neither updated nor returned.
     */
    private static final String UPSERT_PG = "INSERT INTO dsar_subject (id, study_key, subject_ref, category, imported_at)"
            + " SELECT new_id, ?, subject_ref, category, ? FROM dsar_registry_stage"
            + " ON CONFLICT (study_key, subject_ref) DO UPDATE"
            + " SET category = EXCLUDED.category, imported_at = EXCLUDED.imported_at"
            + " WHERE dsar_subject.restricted_by IS NULL"
            + " RETURNING id, subject_ref";

    private Written copyAndUpsert(Connection connection, CopyManager copy, String studyKey, List<PreparedRow> batch,
                                  Timestamp now) throws SQLException, IOException {
        try (PreparedStatement stage = connection.prepareStatement(STAGE)) {
            stage.execute();
        }
        long[] fresh = newIds(batch.size());
        Map<String, Long> freshByRef = new HashMap<>();
        CopyText staged = new CopyText();
        for (int i = 0; i < batch.size(); i++) {
            PreparedRow row = batch.get(i);
            freshByRef.put(row.subjectRef(), fresh[i]);
            staged.row(Long.toString(fresh[i]), row.subjectRef(), row.category());
        }
        copy.copyIn("COPY dsar_registry_stage (new_id, subject_ref, category) FROM STDIN", staged.reader());

        Map<String, Long> written = new HashMap<>();
        List<Long> replaced = new ArrayList<>();
        try (PreparedStatement upsert = connection.prepareStatement(UPSERT_PG)) {
            upsert.setString(1, studyKey);
            upsert.setTimestamp(2, now);
            try (ResultSet result = upsert.executeQuery()) {
                while (result.next()) {
                    long id = result.getLong(1);
                    String ref = result.getString(2);
                    written.put(ref, id);
                    if (id != freshByRef.get(ref)) {
                        replaced.add(id);
                    }
                }
            }
        }
        if (!replaced.isEmpty()) {
            Array ids = connection.createArrayOf("bigint", replaced.toArray());
            for (String table : CHILD_TABLES) {
                try (PreparedStatement delete = connection.prepareStatement(
                        "DELETE FROM " + table + " WHERE subject_id = ANY (?)")) {
                    delete.setArray(1, ids);
                    delete.executeUpdate();
                }
            }
        }
        CopyText holdings = new CopyText();
        CopyText attributes = new CopyText();
        CopyText lookups = new CopyText();
        List<PreparedRow> restricted = new ArrayList<>();
        for (PreparedRow row : batch) {
            Long id = written.get(row.subjectRef());
            if (id == null) {
                restricted.add(row);
                continue;
            }
            String subjectId = id.toString();
            row.holdings().forEach(holding -> holdings.row(subjectId, holding));
            row.attributes().forEach((name, value) -> attributes.row(subjectId, name, value));
            // bytea in COPY's text format: \x and the hex digits, the backslash itself escaped.
            row.lookups().forEach((scheme, hash) -> lookups.row(subjectId, scheme, "\\x" + hash));
        }
        copy.copyIn("COPY dsar_subject_holding (subject_id, holding_key) FROM STDIN", holdings.reader());
        copy.copyIn("COPY dsar_subject_attribute (subject_id, attribute_name, attribute_value) FROM STDIN",
                attributes.reader());
        copy.copyIn("COPY dsar_subject_lookup (subject_id, scheme, lookup_hash) FROM STDIN", lookups.reader());
        return new Written(written.size() - replaced.size(), replaced.size(), restricted);
    }

    /** Rows in COPY's text format: tab-separated, one a line, with backslash escapes. */
    static final class CopyText {
        private final StringBuilder text = new StringBuilder();

        void row(String... values) {
            for (int i = 0; i < values.length; i++) {
                if (i > 0) {
                    text.append('\t');
                }
                escape(values[i]);
            }
            text.append('\n');
        }

        private void escape(String value) {
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                switch (c) {
                    case '\\' -> text.append("\\\\");
                    case '\t' -> text.append("\\t");
                    case '\n' -> text.append("\\n");
                    case '\r' -> text.append("\\r");
                    default -> text.append(c);
                }
            }
        }

        Reader reader() {
            return new StringReader(text.toString());
        }
    }
}
