package org.dsarflow.audit;

import io.quarkus.test.junit.QuarkusTest;
import org.dsarflow.Studies;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dsarflow.Api.admin;
import static org.dsarflow.Api.auditor;
import static org.dsarflow.Api.dpo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/** What auditors read: the log's export and the request views, never identifiers or contact details. */
@QuarkusTest
class AuditorViewsTest {

    @Test
    void theExportStreamsTheChainAsJsonOrCsvBetweenTwoInstants() {
        String reference = Studies.located(Studies.createWithCustodians("COLLECTION", "2024-01-01"), "ACCESS",
                "2024-02-01", "drive");
        List<Map<String, Object>> events = auditor().get("/api/audit/events").then().statusCode(200)
                .contentType("application/json").extract().jsonPath().getList("$");
        assertThat(events).isNotEmpty();
        for (int i = 1; i < events.size(); i++) {
            assertThat(events.get(i).get("prevHash")).isEqualTo(events.get(i - 1).get("hash"));
            assertThat(((Number) events.get(i).get("seq")).longValue())
                    .isEqualTo(((Number) events.get(i - 1).get("seq")).longValue() + 1);
        }
        assertThat(events).filteredOn(e -> reference.equals(e.get("requestRef")))
                .extracting(e -> e.get("action")).contains("REQUEST_LOGGED", "DECISION_PROPOSED");

        auditor().get("/api/audit/events?format=csv&from=2000-01-01&to=2999-01-01T00:00:00Z").then().statusCode(200)
                .contentType(startsWith("text/csv"))
                .body(startsWith("seq,at,actor,requestRef,action,activity,detail,prevHash,hash\n"))
                .body(containsString(reference));
        auditor().get("/api/audit/events?from=2999-01-01").then().statusCode(200).body("size()", equalTo(0));
        auditor().get("/api/audit/events?format=xml").then().statusCode(400).body("field", equalTo("format"));
        auditor().get("/api/audit/events?from=yesterday").then().statusCode(400).body("field", equalTo("from"));
        auditor().get("/api/audit/events?from=2025-01-02&to=2025-01-01").then().statusCode(400)
                .body("field", equalTo("to"));
    }

    @Test
    void auditorsNeverSeeAnIdentifierOrContactValueOfTheTestData() {
        String study = Studies.createWithCustodians("COLLECTION", "2024-01-01");
        String email = "auditor.sees.nothing." + System.nanoTime() + "@example.org";
        admin().body(List.of(Map.of("subjectRef", "AUD-1", "category", "SOCIAL_WORKER",
                        "identifiers", Map.of("email", email), "holdings", List.of("drive", "survey"),
                        "attributes", Map.of("stressScore", "4"))))
                .post("/api/studies/{key}/subjects", study).then().statusCode(200);
        List<String> personal = List.of(email, "Quentin Auditproof", "+44 7700 900123", "12 Hidden Lane, Exeter",
                "correction-value-x71");
        String reference = dpo().body(Map.of(
                        "type", "RECTIFICATION", "receivedAt", "2024-02-01", "channel", "EMAIL",
                        "requester", Map.of("name", personal.get(1), "email", email, "phone", personal.get(2),
                                "postalAddress", personal.get(3)),
                        "identifiers", Map.of("email", email), "studyKeys", List.of(study),
                        "details", "Please fix my record, " + personal.get(1),
                        "changes", Map.of("stressScore", personal.get(4))))
                .post("/api/requests").then().statusCode(201).extract().path("reference");
        dpo().body(Map.of("kind", "EXTENSION_NOTIFIED", "on", "2024-02-05", "reason", "Asked by " + personal.get(1)))
                .post("/api/requests/{ref}/clock-events", reference).then().statusCode(200);
        dpo().body(Map.of("approve", true)).post("/api/requests/{ref}/review", reference).then().statusCode(200);
        dpo().body(Map.of("holdingKey", "survey", "confirmedOn", "2024-03-01", "note", "Told " + personal.get(1)))
                .post("/api/requests/{ref}/custodian-confirmations", reference).then().statusCode(200)
                .body("status", equalTo("COMPLETED"));

        List<String> read = List.of(
                auditor().get("/api/requests/{ref}", reference).then().statusCode(200).extract().asString(),
                auditor().get("/api/requests?studyKey=" + study).then().statusCode(200).extract().asString(),
                auditor().get("/api/requests/{ref}/history", reference).then().statusCode(200).extract().asString(),
                auditor().get("/api/audit/events").then().statusCode(200).extract().asString(),
                auditor().get("/api/audit/events?format=csv").then().statusCode(200).extract().asString());
        assertThat(read.get(2)).contains("DECISION_REVIEWED");
        for (String body : read) {
            for (String value : personal) {
                assertThat(body).doesNotContainIgnoringCase(value);
            }
        }
    }
}
