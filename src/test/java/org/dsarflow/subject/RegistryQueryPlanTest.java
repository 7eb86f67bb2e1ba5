package org.dsarflow.subject;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.dsarflow.Studies;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every lookup of the registry is an index seek, on H2 and on PostgreSQL, after V15 dropped the indexes
 * H2 only kept for foreign keys: the plans of the queries the locator, the import and the erasure run,
 * read with EXPLAIN. PostgreSQL is asked with sequential scans switched off, so its plan answers whether
 * an index can serve the query at all rather than what is cheapest for the test's few rows.
 */
@QuarkusTest
class RegistryQueryPlanTest {

    @Inject
    AgroalDataSource dataSource;

    private String study;

    @BeforeEach
    void aStudyWithARecord() {
        study = Studies.create("COLLECTION", "2024-01-01");
        Studies.importSubjects(study, List.of(Studies.subject("PLAN-1", Map.of("email", "plan.one@example.org"), "survey")));
    }

    @Test
    void theLocatorSeeksTheHashesThenTheSubjectsById() throws SQLException {
        assertSeek("SELECT subject_id, scheme FROM dsar_subject_lookup WHERE lookup_hash IN (?, ?)",
                List.of(new byte[32], new byte[32]), "DSAR_SUBJECT_LOOKUP_HASH_IX: LOOKUP_HASH IN\\(", "dsar_subject_lookup_hash_ix");
        assertSeek("SELECT id, study_key, subject_ref FROM dsar_subject WHERE id IN (?, ?)", List.of(1L, 2L),
                "PRIMARY_KEY_\\w+: ID IN\\(", "dsar_subject_pk");
    }

    @Test
    void aRecordIsFoundByItsStudyAndSubjectRefAndAStudysRecordsByTheSameIndex() throws SQLException {
        assertSeek("SELECT id FROM dsar_subject WHERE study_key = ? AND subject_ref = ?", List.of(study, "PLAN-1"),
                "DSAR_SUBJECT_REF_UK_INDEX_\\w+: STUDY_KEY = \\?1\\s+AND SUBJECT_REF = \\?2", "dsar_subject_ref_uk");
        assertSeek("SELECT COUNT(*) FROM dsar_subject s JOIN dsar_subject_holding h ON h.subject_id = s.id"
                        + " WHERE s.study_key = ? AND h.holding_key = ?", List.of(study, "survey"),
                "DSAR_SUBJECT_REF_UK_INDEX_\\w+: STUDY_KEY = \\?1", "dsar_subject_ref_uk");
    }

    @Test
    void aRequestViewFindsWhetherItsRecordsAreAChildsByOneSeekEach() throws SQLException {
        assertSeek("SELECT study_key, subject_ref FROM dsar_subject WHERE category IN (?, ?)"
                        + " AND (study_key, subject_ref) IN ((?, ?), (?, ?))",
                List.of("CHILD", "YOUNG_PERSON", study, "PLAN-1", study, "PLAN-2"),
                "DSAR_SUBJECT_REF_UK_INDEX_\\w+:\\s+IN\\(ROW \\(\\?3, \\?4\\)", "dsar_subject_ref_uk");
    }

    @Test
    void aSubjectsHoldingsAttributesAndHashesAreFoundThroughTheirPrimaryKeys() throws SQLException {
        for (String table : List.of("dsar_subject_holding", "dsar_subject_attribute", "dsar_subject_lookup")) {
            assertSeek("SELECT * FROM " + table + " WHERE subject_id IN (?, ?)", List.of(1L, 2L), "PRIMARY_KEY_\\w+: SUBJECT_ID IN\\(",
                    table + "_pk");
        }
    }

    @Test
    void theImportFindsEachRefOfABatchByOneSeek() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            if (postgresql(connection)) {
                try (Statement statement = connection.createStatement()) {
                    connection.setAutoCommit(false);
                    statement.execute("CREATE TEMPORARY TABLE IF NOT EXISTS dsar_registry_stage (new_id BIGINT NOT NULL,"
                            + " subject_ref VARCHAR(64) NOT NULL, category VARCHAR(32) NOT NULL) ON COMMIT DELETE ROWS");
                    String plan = plan(connection, "INSERT INTO dsar_subject (id, study_key, subject_ref, category, imported_at)"
                            + " SELECT new_id, 's', subject_ref, category, now() FROM dsar_registry_stage"
                            + " ON CONFLICT (study_key, subject_ref) DO UPDATE SET category = EXCLUDED.category"
                            + " WHERE dsar_subject.restricted_by IS NULL RETURNING id, subject_ref", List.of());
                    connection.rollback();
                    assertThat(plan).contains("Conflict Arbiter Indexes: dsar_subject_ref_uk");
                }
            } else {
                String plan = plan(connection, RegistryWriter.EXISTING_REFS_H2,
                        List.of(connection.createArrayOf("VARCHAR", new Object[] {"PLAN-1", "PLAN-2"}), study));
                assertThat(plan).containsPattern("DSAR_SUBJECT_REF_UK_INDEX_\\w+: STUDY_KEY = \\?2\\s+AND SUBJECT_REF = R.REF")
                        .doesNotContain("tableScan");
            }
        }
    }

    @Test
    void theHashIsStoredAsItsThirtyTwoBytes() throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT l.lookup_hash FROM dsar_subject_lookup l"
                     + " JOIN dsar_subject s ON s.id = l.subject_id WHERE s.study_key = ? AND s.subject_ref = ?")) {
            select.setString(1, study);
            select.setString(2, "PLAN-1");
            try (ResultSet result = select.executeQuery()) {
                assertThat(result.next()).isTrue();
                byte[] stored = result.getBytes(1);
                assertThat(stored).hasSize(32);
                SubjectLookup lookup = QuarkusTransaction.requiringNew().call(() ->
                        SubjectLookup.<SubjectLookup>list("subjectId in (select s.id from SubjectRecord s where s.studyKey = ?1)",
                                study).get(0));
                assertThat(lookup.lookupHash).isEqualTo(HexFormat.of().formatHex(stored));
            }
        }
    }

    private void assertSeek(String sql, List<Object> parameters, String h2Plan, String postgresqlIndex)
            throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            boolean postgresql = postgresql(connection);
            if (postgresql) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("SET enable_seqscan = off");
                }
            }
            try {
                String plan = plan(connection, sql, parameters);
                if (postgresql) {
                    assertThat(plan).as(sql).contains(postgresqlIndex).doesNotContain("Seq Scan");
                } else {
                    assertThat(plan).as(sql).containsPattern(h2Plan).doesNotContain("tableScan");
                }
            } finally {
                if (postgresql) {
                    try (Statement statement = connection.createStatement()) {
                        statement.execute("RESET enable_seqscan");
                    }
                }
            }
        }
    }

    private static String plan(Connection connection, String sql, List<Object> parameters) throws SQLException {
        try (PreparedStatement explain = connection.prepareStatement("EXPLAIN " + sql)) {
            for (int i = 0; i < parameters.size(); i++) {
                explain.setObject(i + 1, parameters.get(i));
            }
            List<String> lines = new ArrayList<>();
            try (ResultSet result = explain.executeQuery()) {
                while (result.next()) {
                    lines.add(result.getString(1));
                }
            }
            return String.join("\n", lines);
        }
    }

    private static boolean postgresql(Connection connection) throws SQLException {
        return connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
    }
}
