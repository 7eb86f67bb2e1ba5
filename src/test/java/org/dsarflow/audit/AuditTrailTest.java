package org.dsarflow.audit;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.camunda.bpm.engine.RepositoryService;
import org.dsarflow.Api;
import org.dsarflow.Studies;
import org.dsarflow.process.DsarProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.dsarflow.Api.anonymous;
import static org.dsarflow.Api.auditor;
import static org.dsarflow.Api.dpo;
import static org.dsarflow.Api.logRequest;
import static org.dsarflow.Api.requestBody;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * The audit log: every change of a request in order, chained so that tampering shows, gap-free under load,
 * refused any change by the database, and checked against checkpoints kept outside it.
 */
@QuarkusTest
class AuditTrailTest {

    @Inject
    AgroalDataSource dataSource;
    @Inject
    RepositoryService repository;

    @Test
    void aRequestsHistoryListsEveryChangeInOrderWithItsActivity() {
        String study = Studies.createWithCustodians("COLLECTION", "2024-01-01");
        String reference = Studies.located(study, "ERASURE", "2024-02-01", "survey", "drive");
        dpo().body(Map.of("approve", true)).post("/api/requests/{ref}/review", reference).then().statusCode(200);
        dpo().body(Map.of("holdingKey", "survey", "confirmedOn", "2024-03-01"))
                .post("/api/requests/{ref}/custodian-confirmations", reference).then().statusCode(200)
                .body("status", equalTo("COMPLETED"));

        for (var as : List.of(dpo(), auditor())) {
            List<Map<String, Object>> history = as.get("/api/requests/{ref}/history", reference).then()
                    .statusCode(200).extract().jsonPath().getList("$");
            assertThat(history).extracting(e -> e.get("action")).containsExactly(
                    "REQUEST_LOGGED", "DEADLINE_COMPUTED", "SUBJECT_LOCATED", "DECISION_PROPOSED",
                    "DECISION_REVIEWED", "ACTION_CARRIED_OUT", "CUSTODIAN_TASK_RAISED",
                    "RECIPIENT_NOTIFIED", "RECIPIENT_NOTIFIED", "SUPPLIED_IDENTIFIERS_DELETED",
                    "CUSTODIAN_CONFIRMED", "REQUEST_CLOSED");
            assertThat(history).extracting(e -> e.get("activity")).containsExactly(
                    null, "recordDeadline", "locateSubject", "decide", "reviewDecision", "carryOut", "carryOut",
                    "carryOut", "carryOut", "carryOut", "confirmCustodian", "respond");
            assertThat(history).extracting(e -> ((Number) e.get("seq")).longValue()).isSorted();
            assertThat(history).extracting(e -> e.get("actor")).containsOnly("dpo");
            assertThat(history.get(0).get("detail")).isEqualTo(Map.of("type", "ERASURE", "channel", "EMAIL",
                    "receivedOn", "2024-02-01", "identifierKeys", List.of("email"), "studyKeys", List.of(study),
                    "idempotent", false));
        }
        dpo().get("/api/requests/{ref}/history", "DSAR-2024-999999").then().statusCode(404)
                .body("type", equalTo("/problems/not-found"));
    }

    @Test
    void aChangeThatRollsBackLeavesNoEntry() throws SQLException {
        long before = lastSeq();
        // The request row and its REQUEST_LOGGED entry are written, then starting the process fails.
        repository.suspendProcessDefinitionByKey(DsarProcess.KEY);
        try {
            dpo().body(requestBody("ACCESS", "2025-03-10")).post("/api/requests").then().statusCode(500);
        } finally {
            repository.activateProcessDefinitionByKey(DsarProcess.KEY);
        }
        assertThat(actionsSince(before)).isEmpty();
        logRequest("ACCESS", "2025-03-10");
        assertThat(actionsSince(before)).containsExactly("REQUEST_LOGGED", "DEADLINE_COMPUTED", "SUBJECT_LOCATED");
    }

    @Test
    void verifyNamesTheFirstEntryChangedInTheDatabase() throws SQLException {
        String reference = logRequest("ACCESS", "2025-03-10");
        verify().body("valid", equalTo(true)).body("firstBroken", equalTo(null));
        long tampered = firstSeqOf(reference);
        String original = detailOf(tampered);
        update(tampered, original.replace("ACCESS", "ERASURE"));
        try {
            verify().body("valid", equalTo(false)).body("firstBroken", equalTo((int) tampered));
        } finally {
            update(tampered, original);
        }
        verify().body("valid", equalTo(true));
    }

    @Test
    void verifyShowsTheNewestEntriesDeletedAndADeletedMiddleEntry() throws SQLException {
        logRequest("ACCESS", "2025-03-10");
        verify().body("valid", equalTo(true)).body("reason", equalTo(null));
        long last = lastSeq();
        List<Object[]> removed = delete(last - 1, last);
        try {
            verify().body("valid", equalTo(false)).body("reason", equalTo("TRUNCATED"))
                    .body("firstBroken", equalTo((int) (last - 1)));
        } finally {
            restore(removed);
        }
        verify().body("valid", equalTo(true));
        List<Object[]> middle = delete(last - 2, last - 2);
        try {
            verify().body("valid", equalTo(false)).body("reason", equalTo("REWRITTEN"))
                    .body("firstBroken", equalTo((int) (last - 1)));
        } finally {
            restore(middle);
        }
        verify().body("valid", equalTo(true));
    }

    @Test
    void theNewestEntriesDeletedWithTheHeadRewoundShowAgainstACheckpointKeptBefore() throws SQLException {
        logRequest("ACCESS", "2025-03-10");
        Map<String, Object> kept = checkpoint();
        long last = ((Number) kept.get("seq")).longValue();
        assertThat(kept.get("hash")).isEqualTo(hashOf(last));
        verify(kept).body("valid", equalTo(true)).body("reason", equalTo(null));

        List<Object[]> removed = delete(last - 1, last);
        try {
            verify(kept).body("valid", equalTo(false)).body("reason", equalTo("TRUNCATED"))
                    .body("firstBroken", equalTo((int) (last - 1)));
            setHead(last - 2, hashOf(last - 2));
            // The chain and its head agree again: only a checkpoint kept outside the database shows the loss.
            verify().body("valid", equalTo(true));
            verify(kept).body("valid", equalTo(false)).body("reason", equalTo("TRUNCATED"))
                    .body("firstBroken", equalTo((int) (last - 1)));
            auditor().get("/api/audit/verify?checkpoint={c}", (last - 2) + ":" + hashOf(last - 2)).then()
                    .statusCode(200).body("valid", equalTo(true));
        } finally {
            restore(removed);
            setHead(last, (String) kept.get("hash"));
        }
        verify(kept).body("valid", equalTo(true));
    }

    @Test
    void aLogRewrittenFromBeforeAKeptCheckpointIsRewrittenThoughItsChainIsValid() throws SQLException {
        logRequest("ACCESS", "2025-03-10");
        Map<String, Object> kept = checkpoint();
        long last = ((Number) kept.get("seq")).longValue();
        delete(last - 1, last);
        setHead(last - 2, hashOf(last - 2));
        // New entries take the seqs of those deleted, chained afresh: a valid chain that no longer extends the checkpoint.
        logRequest("ACCESS", "2025-03-11");
        verify().body("valid", equalTo(true));
        verify(kept).body("valid", equalTo(false)).body("reason", equalTo("REWRITTEN"))
                .body("firstBroken", equalTo((int) last));
    }

    @Test
    void anEditedEntryBeforeAKeptCheckpointIsRewritten() throws SQLException {
        String reference = logRequest("ACCESS", "2025-03-10");
        Map<String, Object> kept = checkpoint();
        long tampered = firstSeqOf(reference);
        String original = detailOf(tampered);
        update(tampered, original.replace("ACCESS", "ERASURE"));
        try {
            verify(kept).body("valid", equalTo(false)).body("reason", equalTo("REWRITTEN"))
                    .body("firstBroken", equalTo((int) tampered));
        } finally {
            update(tampered, original);
        }
        verify(kept).body("valid", equalTo(true));
    }

    @Test
    void aCheckpointPastTheEndOfTheLogIsTruncated() throws SQLException {
        logRequest("ACCESS", "2025-03-10");
        long head = lastSeq();
        auditor().get("/api/audit/verify?checkpoint={c}", (head + 1000) + ":" + "a".repeat(64)).then().statusCode(200)
                .body("valid", equalTo(false)).body("reason", equalTo("TRUNCATED"))
                .body("firstBroken", equalTo((int) head + 1));
        // Seq 0 is the genesis: every log extends it.
        auditor().get("/api/audit/verify?checkpoint={c}", "0:" + AuditChain.GENESIS).then().statusCode(200)
                .body("valid", equalTo(true));
    }

    @ParameterizedTest
    @ValueSource(strings = {"12", "abc:def", "12:xyz", "-1:0000000000000000000000000000000000000000000000000000000000000000",
            "12:00000000000000000000000000000000000000000000000000000000000000", "99999999999999999999:"
            + "0000000000000000000000000000000000000000000000000000000000000000"})
    void aMalformedCheckpointIsA400NamingIt(String checkpoint) {
        auditor().get("/api/audit/verify?checkpoint={c}", checkpoint).then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/invalid-input"))
                .body("field", equalTo("checkpoint"));
    }

    @Test
    void withoutASigningKeyCheckpointsAreUnsignedAndThereIsNoPublicKey() throws SQLException {
        logRequest("ACCESS", "2025-03-10");
        Map<String, Object> checkpoint = checkpoint();
        assertThat(checkpoint).containsEntry("signed", false).containsEntry("signature", null)
                .containsKeys("seq", "hash", "at");
        assertThat(((Number) checkpoint.get("seq")).longValue()).isLessThanOrEqualTo(lastSeq());
        for (var as : List.of(anonymous(), auditor())) {
            as.get("/api/audit/public-key").then().statusCode(404).contentType("application/problem+json")
                    .body("type", equalTo("/problems/not-found"))
                    .body("detail", containsString("DSAR_AUDIT_SIGNING_KEY"));
        }
    }

    @Test
    void theServicesOwnConnectionsCannotChangeOrRemoveEntriesNorRewindTheHead() throws SQLException {
        logRequest("ACCESS", "2025-03-10");
        long last = lastSeq();
        List<String> refused = new ArrayList<>(List.of(
                "UPDATE dsar_audit_event SET detail = '{}' WHERE seq = " + last,
                "DELETE FROM dsar_audit_event WHERE seq = " + last,
                "DELETE FROM dsar_audit_event",
                "UPDATE dsar_audit_head SET last_seq = " + (last - 1),
                "UPDATE dsar_audit_head SET last_hash = '" + AuditChain.GENESIS + "'",
                "DELETE FROM dsar_audit_head"));
        try (Connection connection = dataSource.getConnection()) {
            if (Tampering.isPostgres(connection)) {
                refused.add("TRUNCATE dsar_audit_event");
                refused.add("TRUNCATE dsar_audit_head");
            }
            for (String sql : refused) {
                try (Statement statement = connection.createStatement()) {
                    assertThatThrownBy(() -> statement.executeUpdate(sql)).as(sql)
                            .isInstanceOf(SQLException.class)
                            .hasMessageContaining("audit log");
                }
            }
        }
        assertThat(lastSeq()).isEqualTo(last);
        verify().body("valid", equalTo(true));
        // Appending, which moves the head forward, goes on as before.
        logRequest("ACCESS", "2025-03-10");
        assertThat(lastSeq()).isGreaterThan(last);
        verify().body("valid", equalTo(true));
    }

    /** Deletes entries fromSeq to toSeq, answering them as they were, to be put back with {@link #restore}. */
    private List<Object[]> delete(long fromSeq, long toSeq) throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        Tampering.withoutProtection(dataSource, connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT * FROM dsar_audit_event WHERE seq BETWEEN ? AND ? ORDER BY seq")) {
                select.setLong(1, fromSeq);
                select.setLong(2, toSeq);
                try (ResultSet result = select.executeQuery()) {
                    int columns = result.getMetaData().getColumnCount();
                    while (result.next()) {
                        Object[] row = new Object[columns];
                        for (int i = 0; i < columns; i++) {
                            row[i] = result.getObject(i + 1);
                        }
                        rows.add(row);
                    }
                }
            }
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM dsar_audit_event WHERE seq BETWEEN ? AND ?")) {
                delete.setLong(1, fromSeq);
                delete.setLong(2, toSeq);
                delete.executeUpdate();
            }
        });
        return rows;
    }

    private void restore(List<Object[]> rows) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            for (Object[] row : rows) {
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO dsar_audit_event VALUES ("
                        + "?,".repeat(row.length - 1) + "?)")) {
                    for (int i = 0; i < row.length; i++) {
                        insert.setObject(i + 1, row[i]);
                    }
                    insert.executeUpdate();
                }
            }
        }
    }

    /** Sets the head row, as someone covering their tracks would after deleting the newest entries. */
    private void setHead(long seq, String hash) throws SQLException {
        Tampering.withoutProtection(dataSource, connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE dsar_audit_head SET last_seq = ?, last_hash = ? WHERE id = 1")) {
                update.setLong(1, seq);
                update.setString(2, hash);
                assertThat(update.executeUpdate()).isOne();
            }
        });
    }

    private String hashOf(long seq) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT hash FROM dsar_audit_event WHERE seq = ?")) {
            select.setLong(1, seq);
            try (ResultSet result = select.executeQuery()) {
                result.next();
                return result.getString(1);
            }
        }
    }

    @Test
    void concurrentChangesMakeOneGapFreeValidChain() throws Exception {
        Api.demoStudies();
        long before = lastSeq();
        ExecutorService threads = Executors.newFixedThreadPool(8);
        List<Future<String>> logged = new ArrayList<>();
        try {
            for (int i = 0; i < 24; i++) {
                logged.add(threads.submit(() -> {
                    String reference = logRequest("ACCESS", "2025-03-10");
                    dpo().body(Map.of("kind", "EXTENSION_NOTIFIED", "on", "2025-03-12", "reason", "Complex"))
                            .post("/api/requests/{ref}/clock-events", reference).then().statusCode(200);
                    return reference;
                }));
            }
            for (Future<String> reference : logged) {
                reference.get(60, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }
        List<Long> seqs = seqsSince(before);
        // Each request: logged, deadline computed, located, clock event, deadline moved.
        assertThat(seqs).hasSize(24 * 5);
        for (int i = 0; i < seqs.size(); i++) {
            assertThat(seqs.get(i)).isEqualTo(before + 1 + i);
        }
        verify().body("valid", equalTo(true)).body("entries", equalTo((int) lastSeq()));
    }

    private static ValidatableResponse verify() {
        return auditor().get("/api/audit/verify").then().statusCode(200);
    }

    private static ValidatableResponse verify(Map<String, Object> checkpoint) {
        return auditor().get("/api/audit/verify?checkpoint={seq}:{hash}", checkpoint.get("seq"), checkpoint.get("hash"))
                .then().statusCode(200);
    }

    private static Map<String, Object> checkpoint() {
        return auditor().get("/api/audit/checkpoint").then().statusCode(200).extract().jsonPath().getMap("$");
    }

    private long lastSeq() throws SQLException {
        return single("SELECT COALESCE(MAX(seq), 0) FROM dsar_audit_event", null);
    }

    private long firstSeqOf(String reference) throws SQLException {
        return single("SELECT MIN(seq) FROM dsar_audit_event WHERE request_ref = ?", reference);
    }

    private long single(String sql, String parameter) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(sql)) {
            if (parameter != null) {
                select.setString(1, parameter);
            }
            try (ResultSet result = select.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    private String detailOf(long seq) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT detail FROM dsar_audit_event WHERE seq = ?")) {
            select.setLong(1, seq);
            try (ResultSet result = select.executeQuery()) {
                result.next();
                return result.getString(1);
            }
        }
    }

    /** Tampering as someone with database access would: the service itself has no update path. */
    private void update(long seq, String detail) throws SQLException {
        Tampering.withoutProtection(dataSource, connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE dsar_audit_event SET detail = ? WHERE seq = ?")) {
                update.setString(1, detail);
                update.setLong(2, seq);
                assertThat(update.executeUpdate()).isOne();
            }
        });
    }

    private List<Long> seqsSince(long seq) throws SQLException {
        List<Long> seqs = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT seq FROM dsar_audit_event WHERE seq > ? ORDER BY seq")) {
            select.setLong(1, seq);
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    seqs.add(result.getLong(1));
                }
            }
        }
        return seqs;
    }

    private List<String> actionsSince(long seq) throws SQLException {
        List<String> actions = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT action FROM dsar_audit_event WHERE seq > ? ORDER BY seq")) {
            select.setLong(1, seq);
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    actions.add(result.getString(1));
                }
            }
        }
        return actions;
    }
}
