package org.dsarflow.subject;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.dsarflow.Studies;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dsarflow.Api.dpo;

/**
 * Raw identifiers may live only where the service really needs them: the request that supplied them
 * and an internal identified holding's record. Never in the lookup index, the engine's tables
 * (process variables and history) or the log.
 */
@QuarkusTest
class PersonalDataHygieneTest {

    static final String EMAIL = "zq.hygiene.marker@example.org";
    static final String SURNAME = "Zqxhygiene";
    static final Set<String> ALLOWED = Set.of("dsar_request", "dsar_request_identifier", "dsar_subject_attribute");

    @Inject
    AgroalDataSource dataSource;

    @Test
    void rawIdentifiersStayWhereTheyAreNeeded() throws Exception {
        String study = Studies.create("COLLECTION", "2024-01-01");
        Studies.importSubjects(study, List.of(
                Studies.subject("HY-1", Map.of("email", EMAIL, "firstInitial", "Q", "surnamePrefix", "Zq",
                        "localAuthority", "Bexley"), "drive"),
                Studies.subject("HY-2", Map.of("email", "other.hygiene@example.org", "firstInitial", "Q",
                        "surnamePrefix", "Zq", "localAuthority", "Bexley"), "survey")));
        String reference = dpo().body(Studies.requestFor(study, "ERASURE", "2025-03-10",
                        Map.of("firstName", "Quinn", "surname", SURNAME, "localAuthority", "Bexley")))
                .post("/api/requests").then().statusCode(201).extract().path("reference");
        dpo().body(Map.of("kind", "CLARIFICATION_REQUESTED", "on", "2025-03-11"))
                .post("/api/requests/{ref}/clock-events", reference).then().statusCode(200);
        dpo().body(Map.of("identifiers", Map.of("email", EMAIL), "on", "2025-03-12"))
                .post("/api/requests/{ref}/identifiers", reference).then().statusCode(200);

        for (String marker : List.of(EMAIL, SURNAME)) {
            assertThat(tablesContaining(marker)).as("tables holding %s", marker).isSubsetOf(ALLOWED);
        }
        String log = Files.readString(Path.of("target", "quarkus.log"));
        assertThat(log).contains(reference).doesNotContain(EMAIL).doesNotContainIgnoringCase(SURNAME);
    }

    @Test
    void aComplainantsDetailsAndWordsStayWithTheComplaint() throws Exception {
        String email = "zq.complainant.marker@example.org";
        String words = "Zqxgrievance";
        String reference = dpo().body(Map.of("receivedAt", "2026-07-01", "channel", "EMAIL",
                        "complainant", Map.of("name", "Robin " + words, "email", email),
                        "summary", words + " about my request"))
                .post("/api/complaints").then().statusCode(201).extract().path("reference");
        dpo().body(Map.of("note", words + " enquiry", "tellComplainant", true))
                .post("/api/complaints/{ref}/updates", reference).then().statusCode(200);
        dpo().body(Map.of("outcome", "UPHELD", "summary", words + " outcome"))
                .post("/api/complaints/{ref}/outcome", reference).then().statusCode(200);

        assertThat(tablesContaining(email)).isEqualTo(Set.of("dsar_complaint"));
        assertThat(tablesContaining(words)).isEqualTo(Set.of("dsar_complaint", "dsar_complaint_update"));
        String log = Files.readString(Path.of("target", "quarkus.log"));
        assertThat(log).contains(reference).doesNotContain(email).doesNotContain(words);
    }

    /** Every text column of every table, ours and the engine's, searched for the value. */
    private Set<String> tablesContaining(String value) throws Exception {
        Set<String> found = new TreeSet<>();
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            List<String[]> columns = new ArrayList<>();
            try (ResultSet rs = meta.getColumns(null, null, "%", "%")) {
                while (rs.next()) {
                    String schema = rs.getString("TABLE_SCHEM");
                    int type = rs.getInt("DATA_TYPE");
                    boolean text = type == Types.VARCHAR || type == Types.CHAR || type == Types.CLOB
                            || type == Types.LONGVARCHAR || type == Types.NVARCHAR;
                    if (text && !schema.equalsIgnoreCase("INFORMATION_SCHEMA") && !schema.equalsIgnoreCase("pg_catalog")) {
                        columns.add(new String[]{schema, rs.getString("TABLE_NAME"), rs.getString("COLUMN_NAME")});
                    }
                }
            }
            for (String[] column : columns) {
                String sql = "SELECT COUNT(*) FROM \"" + column[0] + "\".\"" + column[1] + "\" WHERE LOWER(CAST(\""
                        + column[2] + "\" AS VARCHAR(10000))) LIKE ?";
                try (PreparedStatement count = connection.prepareStatement(sql)) {
                    count.setString(1, "%" + value.toLowerCase(Locale.ROOT) + "%");
                    try (ResultSet rs = count.executeQuery()) {
                        if (rs.next() && rs.getLong(1) > 0) {
                            found.add(column[1].toLowerCase(Locale.ROOT));
                        }
                    }
                }
            }
        }
        return found;
    }
}
