package org.dsarflow.fulfilment;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.dsarflow.Studies;
import org.dsarflow.subject.SubjectLookup;
import org.dsarflow.subject.SubjectRecord;
import org.dsarflow.subject.identity.IdentifierNormaliser;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dsarflow.Api.admin;
import static org.dsarflow.Api.dpo;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;

/**
 * An approved erasure in a study that has not started its analysis leaves nothing of the person in the
 * database: every text and binary column of every table, ours (dsar_*) and the engine's (act_*), is
 * searched for each identifier (as imported, as supplied with the request and normalised), each
 * distinctive attribute value and each lookup hash the person had. Binary columns are searched as UTF-8
 * text and as hex, so a hash stored as its 32 bytes is found by its hex text.
 */
@QuarkusTest
class ErasureLeavesNothingTest {

    private static final AtomicInteger NEXT = new AtomicInteger();
    private static final Set<Integer> TEXT = Set.of(Types.VARCHAR, Types.CHAR, Types.CLOB, Types.LONGVARCHAR,
            Types.NVARCHAR, Types.NCHAR, Types.LONGNVARCHAR, Types.NCLOB);
    private static final Set<Integer> BINARY = Set.of(Types.BLOB, Types.VARBINARY, Types.LONGVARBINARY, Types.BINARY);
    private static final String REQUESTER_EMAIL = "dsar_request.requester_email";

    @Inject
    AgroalDataSource dataSource;

    /** One person's values, distinctive enough that a hit anywhere can only be theirs. */
    private record Person(String subjectRef, String email, String socialWorkerNumber, String pseudonymId,
                          Map<String, String> attributes) {

        static Person invented() {
            String token = "zq81" + Long.toString(System.nanoTime(), 36) + NEXT.incrementAndGet();
            return new Person("ER-" + token, "Erasure." + token + "@Example.ORG", "SW-" + token.toUpperCase(Locale.ROOT),
                    "PSN-" + token.toUpperCase(Locale.ROOT),
                    Map.of("interviewTheme", "attr-value-" + token, "stressScore", "attr-score-" + token));
        }

        Map<String, String> identifiers() {
            return Map.of("email", email, "socialWorkerNumber", socialWorkerNumber, "pseudonymId", pseudonymId);
        }
    }

    @Test
    void anErasureLeavesNothingButTheRequestersOwnContactDetails() throws Exception {
        Person person = Person.invented();
        String requesterEmail = "requester." + person.subjectRef().toLowerCase(Locale.ROOT) + "@example.net";
        Erased erased = eraseWithCustodiansConfirmed(person, requesterEmail);

        for (String value : erased.searched()) {
            assertThat(columnsHolding(value)).as("columns still holding %s", value).isEmpty();
        }
        // The requester's own contact details stay on their request, to send the response (see below).
        assertThat(columnsHolding(requesterEmail)).containsExactly(REQUESTER_EMAIL);
        assertThat(requestsWithRequesterEmail(requesterEmail)).containsExactly(erased.reference());
    }

    @Test
    void whenTheRequesterIsTheSubjectOnlyTheirRequestRowStillHasTheirEmail() throws Exception {
        Person person = Person.invented();
        Erased erased = eraseWithCustodiansConfirmed(person, person.email());

        for (String value : erased.searched()) {
            Set<String> columns = columnsHolding(value);
            if (value.equalsIgnoreCase(person.email())) {
                // The one deliberate exception: dsar_request.requester_* is the contact the response goes to,
                // not registry data. It is kept to answer the request and then follows the retention of
                // closed requests; the erasure itself leaves no other trace of the address anywhere.
                assertThat(columns).as("columns holding %s", value).containsExactly(REQUESTER_EMAIL);
                assertThat(requestsWithRequesterEmail(value)).containsExactly(erased.reference());
            } else {
                assertThat(columns).as("columns still holding %s", value).isEmpty();
            }
        }
    }

    /** What an erasure was about: its reference and every value the person left before it. */
    private record Erased(String reference, Set<String> searched) {
    }

    /**
     * Enrols the person in a collecting study (internal identified drive, an external survey, an anonymised
     * archive), has them ask for erasure, approves it and confirms the survey platform's deletion.
     */
    private Erased eraseWithCustodiansConfirmed(Person person, String requesterEmail) throws SQLException {
        String study = collectingStudy();
        admin().body(List.of(Map.of("subjectRef", person.subjectRef(), "category", "SOCIAL_WORKER",
                        "identifiers", person.identifiers(), "holdings", List.of("survey", "drive", "archive"),
                        "attributes", person.attributes())))
                .post("/api/studies/{key}/subjects", study).then().statusCode(200).body("created", equalTo(1));

        // The requester writes their identifiers their own way: the request keeps them as supplied.
        Map<String, String> supplied = Map.of("email", person.email().toLowerCase(Locale.ROOT),
                "socialWorkerNumber", person.socialWorkerNumber().replace("-", " ").toLowerCase(Locale.ROOT));
        String reference = dpo().body(Map.of("type", "ERASURE", "receivedAt", "2025-02-03", "channel", "EMAIL",
                        "requester", Map.of("name", "Requester of " + person.subjectRef(), "email", requesterEmail),
                        "identifiers", supplied, "studyKeys", List.of(study)))
                .post("/api/requests").then().statusCode(201)
                .body("match.status", equalTo("UNIQUE"))
                .body("status", equalTo("AWAITING_REVIEW"))
                .extract().path("reference");

        Set<String> searched = new LinkedHashSet<>();
        person.identifiers().forEach((key, value) -> {
            searched.add(value);
            searched.add(IdentifierNormaliser.normalise(key, value).orElseThrow());
        });
        supplied.forEach((key, value) -> {
            searched.add(value);
            searched.add(IdentifierNormaliser.normalise(key, value).orElseThrow());
        });
        searched.addAll(person.attributes().values());
        List<String> hashes = lookupHashes(study, person.subjectRef());
        assertThat(hashes).as("one lookup hash per identifier scheme").hasSize(3);
        searched.addAll(hashes);
        // The search must be able to see the person before the erasure, or finding nothing after proves nothing.
        assertThat(columnsHolding(person.email())).contains("dsar_subject_attribute.attribute_value",
                "dsar_request_identifier.identifier_value");
        assertThat(columnsHolding(person.attributes().get("interviewTheme")))
                .contains("dsar_subject_attribute.attribute_value");
        assertThat(columnsHolding(hashes.get(0))).contains("dsar_subject_lookup.lookup_hash");
        assertThat(columnsHolding(reference)).as("the engine's tables are searched").contains("act_hi_procinst.business_key_");
        assertThat(columnsHolding("dsar-request")).as("binary columns are searched").contains("act_ge_bytearray.bytes_");

        dpo().body(Map.of("approve", true)).post("/api/requests/{ref}/review", reference).then().statusCode(200)
                .body("decision.actions.findAll { it.action == 'ERASE' }.holdingKey",
                        containsInAnyOrder("survey", "drive"))
                .body("decision.actions.find { it.holdingKey == 'archive' }.action", equalTo("NOT_IDENTIFIABLE"));
        assertThat(requestIdentifierRows(reference)).as("the request's supplied identifiers, after carrying out").isZero();
        dpo().body(Map.of("holdingKey", "survey", "confirmedOn", "2025-02-20", "note", "Deletion certificate received"))
                .post("/api/requests/{ref}/custodian-confirmations", reference).then().statusCode(200)
                .body("status", equalTo("COMPLETED"));
        return new Erased(reference, searched);
    }

    private static String collectingStudy() {
        String key = "erasure-" + NEXT.incrementAndGet() + "-" + System.nanoTime() % 1_000_000;
        admin().body(Map.of(
                        "key", key,
                        "name", "Erasure study " + key,
                        "contactMailbox", "research@example.org",
                        "phase", "COLLECTION",
                        "phaseSince", "2024-01-01",
                        "identifierSchemes", List.of(List.of("email"), List.of("socialWorkerNumber"),
                                List.of("pseudonymId")),
                        "lawfulBases", List.of(Map.of("purpose", "Take part in the survey", "basis", "Consent")),
                        "recipients", List.of("Survey platform provider"),
                        "categories", List.of("SOCIAL_WORKER"),
                        "holdings", List.of(
                                Studies.holding("survey", "Online survey platform", "EXTERNAL", "IDENTIFIED", "PRIMARY"),
                                Studies.holding("drive", "Restricted shared drive", "INTERNAL", "IDENTIFIED", "PRIMARY"),
                                Studies.holding("archive", "Secure research archive", "EXTERNAL", "ANONYMISED", "PRIMARY"))))
                .post("/api/studies").then().statusCode(201);
        return key;
    }

    private static List<String> lookupHashes(String study, String subjectRef) {
        return QuarkusTransaction.requiringNew().call(() -> {
            SubjectRecord record = SubjectRecord.find("studyKey = ?1 and subjectRef = ?2", study, subjectRef).singleResult();
            return SubjectLookup.<SubjectLookup>list("subjectId", record.id).stream().map(l -> l.lookupHash).toList();
        });
    }

    private long requestIdentifierRows(String reference) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement count = connection.prepareStatement("SELECT COUNT(*) FROM dsar_request_identifier i"
                     + " JOIN dsar_request r ON r.id = i.request_id WHERE r.reference = ?")) {
            count.setString(1, reference);
            try (ResultSet rs = count.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private List<String> requestsWithRequesterEmail(String email) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT reference FROM dsar_request WHERE LOWER(requester_email) = ?")) {
            select.setString(1, email.toLowerCase(Locale.ROOT));
            List<String> references = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    references.add(rs.getString(1));
                }
            }
            return references;
        }
    }

    /**
     * Every column, as "table.column", of every table in the database (ours and the engine's) holding
     * {@code value}, case-insensitively: text columns searched in SQL, binary ones (the engine's byte
     * arrays: serialised variables, stack traces) read and searched as UTF-8.
     */
    private Set<String> columnsHolding(String value) throws SQLException {
        String needle = value.toLowerCase(Locale.ROOT);
        Set<String> found = new TreeSet<>();
        try (Connection connection = dataSource.getConnection()) {
            for (Column column : columns(connection)) {
                boolean hit = column.binary() ? binaryHolds(connection, column, needle) : textHolds(connection, column, needle);
                if (hit) {
                    found.add((column.table() + "." + column.name()).toLowerCase(Locale.ROOT));
                }
            }
        }
        return found;
    }

    private record Column(String schema, String table, String name, boolean binary) {
        String qualifiedTable() {
            return "\"" + schema + "\".\"" + table + "\"";
        }
    }

    private static List<Column> columns(Connection connection) throws SQLException {
        List<Column> columns = new ArrayList<>();
        DatabaseMetaData meta = connection.getMetaData();
        try (ResultSet rs = meta.getColumns(null, null, "%", "%")) {
            while (rs.next()) {
                String schema = rs.getString("TABLE_SCHEM");
                int type = rs.getInt("DATA_TYPE");
                boolean system = schema.equalsIgnoreCase("INFORMATION_SCHEMA") || schema.equalsIgnoreCase("pg_catalog");
                if (!system && (TEXT.contains(type) || BINARY.contains(type))) {
                    columns.add(new Column(schema, rs.getString("TABLE_NAME"), rs.getString("COLUMN_NAME"),
                            BINARY.contains(type)));
                }
            }
        }
        return columns;
    }

    private static boolean textHolds(Connection connection, Column column, String needle) throws SQLException {
        String sql = "SELECT COUNT(*) FROM " + column.qualifiedTable() + " WHERE LOWER(CAST(\"" + column.name()
                + "\" AS VARCHAR(1000000))) LIKE ?";
        try (PreparedStatement count = connection.prepareStatement(sql)) {
            count.setString(1, "%" + needle + "%");
            try (ResultSet rs = count.executeQuery()) {
                return rs.next() && rs.getLong(1) > 0;
            }
        }
    }

    private static boolean binaryHolds(Connection connection, Column column, String needle) throws SQLException {
        String sql = "SELECT \"" + column.name() + "\" FROM " + column.qualifiedTable() + " WHERE \"" + column.name()
                + "\" IS NOT NULL";
        try (PreparedStatement select = connection.prepareStatement(sql); ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                byte[] bytes = rs.getBytes(1);
                if (bytes != null && (new String(bytes, StandardCharsets.UTF_8).toLowerCase(Locale.ROOT).contains(needle)
                        || HexFormat.of().formatHex(bytes).contains(needle))) {
                    return true;
                }
            }
        }
        return false;
    }
}
