package org.dsarflow.fulfilment;

import io.quarkus.test.junit.QuarkusTest;
import org.dsarflow.Studies;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.dsarflow.Api.admin;
import static org.dsarflow.Api.dpo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/** A restricted record is kept but not processed: a registry import leaves it alone until the DPO lifts it. */
@QuarkusTest
class RestrictionTest {

    @Test
    void anImportLeavesARestrictedRecordAloneUntilTheRestrictionIsLifted() {
        String study = Studies.createWithCustodians("ANALYSIS", "2024-01-01");
        String email = "restricted" + System.nanoTime() + "@example.org";
        Studies.importSubjects(study, List.of(
                Studies.subject("P-1", Map.of("email", email), "drive"),
                Studies.subject("P-2", Map.of("email", "other" + email), "drive")));
        String reference = dpo().body(Studies.requestFor(study, "RESTRICTION", "2024-02-01", Map.of("email", email)))
                .post("/api/requests").then().statusCode(201).extract().path("reference");
        dpo().body(Map.of("approve", true)).post("/api/requests/{ref}/review", reference).then().statusCode(200)
                .body("status", equalTo("COMPLETED"))
                .body("decision.actions[0].action", equalTo("RESTRICT"))
                .body("restriction.active", equalTo(true))
                .body("recipientNotifications.actions.flatten()", hasSize(2));

        admin().body(List.of(
                        Studies.subject("P-1", Map.of("email", email), "drive", "survey"),
                        Studies.subject("P-2", Map.of("email", "other" + email), "drive", "survey")))
                .post("/api/studies/{key}/subjects", study).then().statusCode(200)
                .body("updated", equalTo(1))
                .body("rejected.line", contains(1))
                .body("rejected[0].problem", containsString("restricted"));

        dpo().body(Map.of("reason", "Accuracy of the record confirmed; requester told on 2024-03-01"))
                .post("/api/requests/{ref}/restriction/lift", reference).then().statusCode(200)
                .body("restriction.active", equalTo(false));
        admin().body(List.of(Studies.subject("P-1", Map.of("email", email), "drive", "survey")))
                .post("/api/studies/{key}/subjects", study).then().statusCode(200)
                .body("updated", equalTo(1))
                .body("rejected", empty());
        dpo().body(Map.of("reason", "again"))
                .post("/api/requests/{ref}/restriction/lift", reference).then().statusCode(409)
                .body("code", equalTo("RESTRICTION_LIFTED"));
    }
}
