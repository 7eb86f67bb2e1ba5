package org.dsarflow.subject;

import jakarta.enterprise.context.ApplicationScoped;
import org.dsarflow.shared.Sequences;

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
 * Writes one batch of registry rows with JDBC batches, inside the caller's transaction: an upsert by
 * subjectRef that replaces the subject's holdings, attributes and lookup hashes. Plain JDBC because a
 * registry is imported by the million and an ORM's per-entity work would dominate.
 */
@ApplicationScoped
class RegistryWriter {

    /** The sequence steps by {@link RegistryImportService#BATCH}: one value reserves ids for a whole batch. */
    private static final String SUBJECT_SEQUENCE = "dsar_subject_seq";

    private final DataSource dataSource;
    private final Sequences sequences;
    private final Clock clock;

    RegistryWriter(DataSource dataSource, Sequences sequences, Clock clock) {
        this.dataSource = dataSource;
        this.sequences = sequences;
        this.clock = clock;
    }

    record PreparedRow(long line, String subjectRef, String category, Set<String> holdings,
                       Map<String, String> attributes, Map<String, String> lookups) {
    }

    /** {@code restricted}: rows left alone because a data-subject request restricted their record. */
    record Written(int created, int updated, List<PreparedRow> restricted) {
    }

    Written write(String studyKey, List<PreparedRow> batch) {
        Timestamp now = Timestamp.from(Instant.now(clock));
        try (Connection connection = dataSource.getConnection()) {
            Map<String, Long> existing = new HashMap<>();
            Set<String> restrictedRefs = existingIds(connection, studyKey, batch, existing);
            // Restriction (Art. 18) stops processing, and an import overwriting the record is processing.
            List<PreparedRow> restricted = batch.stream().filter(r -> restrictedRefs.contains(r.subjectRef())).toList();
            List<PreparedRow> rows = restricted.isEmpty() ? batch
                    : batch.stream().filter(r -> !restrictedRefs.contains(r.subjectRef())).toList();
            long nextId = rows.size() > existing.size() ? sequences.next(SUBJECT_SEQUENCE) : 0;
            long[] ids = new long[rows.size()];
            List<Long> replaced = new ArrayList<>();
            for (int i = 0; i < rows.size(); i++) {
                Long id = existing.get(rows.get(i).subjectRef());
                ids[i] = id == null ? nextId++ : id;
                if (id != null) {
                    replaced.add(id);
                }
            }
            insertSubjects(connection, studyKey, rows, existing, ids, now);
            updateSubjects(connection, rows, existing, ids, now);
            for (String table : List.of("dsar_subject_holding", "dsar_subject_attribute", "dsar_subject_lookup")) {
                deleteChildren(connection, table, replaced);
            }
            insertChildren(connection, rows, ids);
            return new Written(rows.size() - replaced.size(), replaced.size(), restricted);
        } catch (SQLException e) {
            throw new IllegalStateException("Registry batch could not be written", e);
        }
    }

    /** Fills {@code ids} with the unrestricted records already there; answers the restricted ones' refs. */
    private static Set<String> existingIds(Connection connection, String studyKey, List<PreparedRow> rows,
                                           Map<String, Long> ids) throws SQLException {
        String marks = String.join(",", Collections.nCopies(rows.size(), "?"));
        Set<String> restricted = new HashSet<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT subject_ref, id, restricted_by"
                + " FROM dsar_subject WHERE study_key = ? AND subject_ref IN (" + marks + ")")) {
            select.setString(1, studyKey);
            for (int i = 0; i < rows.size(); i++) {
                select.setString(i + 2, rows.get(i).subjectRef());
            }
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
                    lookups.setString(3, lookup.getValue());
                    lookups.addBatch();
                }
            }
            holdings.executeBatch();
            attributes.executeBatch();
            lookups.executeBatch();
        }
    }
}
