package org.dsarflow.process;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.dsarflow.Jobs;
import org.dsarflow.Studies;
import org.dsarflow.subject.SubjectLookup;
import org.dsarflow.subject.SubjectRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dsarflow.Api.dpo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

/** The paths after the subject is located: approve, amend, refuse, cancel, and custodians confirming in any order. */
@QuarkusTest
class ReviewPathsTest {

    @Inject
    RuntimeService runtime;
    @Inject
    ManagementService management;
    @Inject
    HistoryService history;

    @ParameterizedTest
    @ValueSource(strings = {"survey,transcription", "transcription,survey"})
    void anApprovedErasureWaitsForEveryCustodianInAnyOrder(String order) {
        String study = Studies.createWithCustodians("COLLECTION", "2024-01-01");
        String reference = Studies.located(study, "ERASURE", "2024-02-01", "survey", "transcription", "drive", "archive");

        dpo().body(Map.of("approve", true)).post("/api/requests/{ref}/review", reference).then().statusCode(200)
                .body("status", equalTo("IN_PROGRESS"))
                .body("decision.review.outcome", equalTo("APPROVED"))
                .body("decision.actions.findAll { it.state == 'AWAITING_CUSTODIAN' }.holdingKey",
                        containsInAnyOrder("survey", "transcription"))
                .body("decision.actions.find { it.holdingKey == 'drive' }.state", equalTo("DONE"))
                .body("decision.actions.find { it.holdingKey == 'archive' }.action", equalTo("NOT_IDENTIFIABLE"))
                .body("recipientNotifications.recipient",
                        containsInAnyOrder("Survey platform provider", "Transcription vendor"))
                .body("recipientNotifications[0].actions", contains("ERASE"));
        dpo().get("/api/tasks").then().statusCode(200)
                .body("items.findAll { it.reference == '" + reference + "' }.custodianTask",
                        containsInAnyOrder(study + "/survey", study + "/transcription"));

        String[] holdings = order.split(",");
        confirm(reference, holdings[0], "2024-03-01").body("status", equalTo("IN_PROGRESS"));
        assertThat(openInstances(reference)).isOne();
        confirm(reference, holdings[1], "2024-03-02").body("status", equalTo("COMPLETED"))
                .body("outcome", equalTo("FULFILLED"))
                .body("decision.actions.state", org.hamcrest.Matchers.everyItem(equalTo("DONE")));
        Jobs.runEmails(runtime, management, reference);

        assertThat(openInstances(reference)).isZero();
        assertThat(activities(reference)).contains("carryOut", "confirmCustodian", "respond", "requestHandled");
        assertThat(registryRecords(study)).isZero();
    }

    @Test
    void aConfirmationIsIdempotentAndNamesOnlyTheRequestsCustodians() {
        String study = Studies.createWithCustodians("COLLECTION", "2024-01-01");
        String reference = Studies.located(study, "ERASURE", "2024-02-01", "survey", "drive");
        dpo().body(Map.of("holdingKey", "survey", "confirmedOn", "2024-03-01"))
                .post("/api/requests/{ref}/custodian-confirmations", reference).then().statusCode(409)
                .body("code", equalTo("NOT_AWAITING_CUSTODIAN"));
        dpo().body(Map.of("approve", true)).post("/api/requests/{ref}/review", reference).then().statusCode(200);

        dpo().body(Map.of("holdingKey", "drive", "confirmedOn", "2024-03-01"))
                .post("/api/requests/{ref}/custodian-confirmations", reference).then().statusCode(404)
                .body("type", equalTo("/problems/not-found"));
        dpo().body(Map.of("holdingKey", "survey", "confirmedOn", "2999-01-01"))
                .post("/api/requests/{ref}/custodian-confirmations", reference).then().statusCode(400)
                .body("field", equalTo("confirmedOn"));
        confirm(reference, "survey", "2024-03-01").body("status", equalTo("COMPLETED"));
        confirm(reference, "survey", "2024-03-01").body("status", equalTo("COMPLETED"))
                .body("decision.actions.find { it.holdingKey == 'survey' }.custodianConfirmedOn", equalTo("2024-03-01"));
        dpo().body(Map.of("holdingKey", "survey", "confirmedOn", "2024-03-05"))
                .post("/api/requests/{ref}/custodian-confirmations", reference).then().statusCode(409)
                .body("code", equalTo("ALREADY_CONFIRMED"));
    }

    @Test
    void anAmendmentNeedsAJustificationAndIsCarriedOutAsAmended() {
        String study = Studies.createWithCustodians("COLLECTION", "2024-01-01");
        String reference = Studies.located(study, "ERASURE", "2024-02-01", "drive");
        Map<String, Object> amendment = Map.of("holdingKey", "drive", "action", "RETAIN_PSEUDONYMISED");

        dpo().body(Map.of("approve", true, "amendments", List.of(amendment)))
                .post("/api/requests/{ref}/review", reference).then().statusCode(400)
                .body("field", equalTo("justification"));
        dpo().body(Map.of("approve", true, "amendments", List.of(Map.of("holdingKey", "nowhere", "action", "ERASE")),
                        "justification", "Checked with the study lead"))
                .post("/api/requests/{ref}/review", reference).then().statusCode(400)
                .body("field", equalTo("amendments[0].holdingKey"));

        dpo().body(Map.of("approve", true, "amendments", List.of(amendment),
                        "justification", "Analysis began on these answers before the request; study lead confirmed"))
                .post("/api/requests/{ref}/review", reference).then().statusCode(200)
                .body("status", equalTo("COMPLETED"))
                .body("decision.actions[0].proposedAction", equalTo("ERASE"))
                .body("decision.actions[0].action", equalTo("RETAIN_PSEUDONYMISED"))
                .body("decision.actions[0].amendmentJustification", hasItemOrEqual());

        QuarkusTransaction.requiringNew().run(() -> {
            SubjectRecord record = SubjectRecord.find("studyKey", study).singleResult();
            assertThat(record.attributes).containsOnlyKeys("stressScore");
            assertThat(SubjectLookup.count("subjectId", record.id)).isZero();
        });
    }

    @Test
    void pseudonymisedRetentionCannotBeApprovedWithoutAJustification() {
        String study = Studies.createWithCustodians("ANALYSIS", "2024-01-01");
        String reference = Studies.located(study, "CONSENT_WITHDRAWAL", "2024-02-01", "drive");
        dpo().get("/api/requests/{ref}", reference).then()
                .body("decision.actions[0].action", equalTo("RETAIN_PSEUDONYMISED"));

        dpo().body(Map.of("approve", true)).post("/api/requests/{ref}/review", reference).then().statusCode(400)
                .body("field", equalTo("justification"));
        dpo().get("/api/requests/{ref}", reference).then().body("status", equalTo("AWAITING_REVIEW"))
                .body("decision.review", nullValue());
    }

    @Test
    void aRefusalRespondsWithoutCarryingAnythingOut() {
        String study = Studies.createWithCustodians("COLLECTION", "2024-01-01");
        String reference = Studies.located(study, "ERASURE", "2024-02-01", "survey", "drive");

        dpo().body(Map.of("approve", false, "justification", "Fifth identical request this month"))
                .post("/api/requests/{ref}/review", reference).then().statusCode(400)
                .body("field", equalTo("refusalReason"));
        dpo().body(Map.of("approve", false, "refusalReason", "MANIFESTLY_EXCESSIVE",
                        "justification", "Fifth identical request this month"))
                .post("/api/requests/{ref}/review", reference).then().statusCode(200)
                .body("status", equalTo("REFUSED"))
                .body("outcome", equalTo("MANIFESTLY_EXCESSIVE"))
                .body("decision.review.refusalReason", equalTo("MANIFESTLY_EXCESSIVE"))
                .body("decision.actions.state", org.hamcrest.Matchers.everyItem(equalTo("PROPOSED")));

        assertThat(activities(reference)).contains("respond").doesNotContain("carryOut");
        assertThat(registryRecords(study)).isOne();
        dpo().body(Map.of("approve", true)).post("/api/requests/{ref}/review", reference).then().statusCode(409)
                .body("code", equalTo("REQUEST_CLOSED"));
    }

    @Test
    void cancellingAtReviewEndsTheRequestWithNothingCarriedOut() {
        String study = Studies.createWithCustodians("COLLECTION", "2024-01-01");
        String reference = Studies.located(study, "ERASURE", "2024-02-01", "drive");
        cancel(reference);
        assertThat(activities(reference)).contains("reviewDecision", "requestCancelled").doesNotContain("carryOut");
        assertThat(registryRecords(study)).isOne();
        dpo().body(Map.of("approve", true)).post("/api/requests/{ref}/review", reference).then().statusCode(409);
    }

    @Test
    void cancellingWhileCustodiansActEndsTheirTasks() {
        String study = Studies.createWithCustodians("COLLECTION", "2024-01-01");
        String reference = Studies.located(study, "ERASURE", "2024-02-01", "survey", "transcription");
        dpo().body(Map.of("approve", true)).post("/api/requests/{ref}/review", reference).then().statusCode(200);
        confirm(reference, "survey", "2024-03-01");

        cancel(reference);
        dpo().get("/api/tasks").then().body("items.reference", org.hamcrest.Matchers.not(hasItem(reference)));
        dpo().body(Map.of("holdingKey", "transcription", "confirmedOn", "2024-03-02"))
                .post("/api/requests/{ref}/custodian-confirmations", reference).then().statusCode(409)
                .body("code", equalTo("REQUEST_CLOSED"));
    }

    @Test
    void aRequestNotAwaitingReviewCannotBeReviewed() {
        String study = Studies.createWithCustodians("COLLECTION", "2024-01-01");
        String reference = dpo().body(Studies.requestFor(study, "ERASURE", "2024-02-01", Map.of("email", "nobody@example.org")))
                .post("/api/requests").then().statusCode(201).extract().path("reference");
        dpo().body(Map.of("approve", true)).post("/api/requests/{ref}/review", reference).then().statusCode(409)
                .body("code", equalTo("NOT_AWAITING_REVIEW"));
    }

    private static org.hamcrest.Matcher<Object> hasItemOrEqual() {
        return equalTo("Analysis began on these answers before the request; study lead confirmed");
    }

    private static io.restassured.response.ValidatableResponse confirm(String reference, String holding, String on) {
        return dpo().body(Map.of("holdingKey", holding, "confirmedOn", on, "note", "Deletion certificate received"))
                .post("/api/requests/{ref}/custodian-confirmations", reference).then().statusCode(200);
    }

    private static void cancel(String reference) {
        dpo().body(Map.of("reason", "Requester withdrew the request"))
                .post("/api/requests/{ref}/cancel", reference).then().statusCode(200)
                .body("status", equalTo("CANCELLED"));
    }

    private long openInstances(String reference) {
        return runtime.createProcessInstanceQuery().processDefinitionKey(DsarProcess.KEY)
                .processInstanceBusinessKey(reference).count();
    }

    private static long registryRecords(String study) {
        return QuarkusTransaction.requiringNew().call(() -> SubjectRecord.count("studyKey", study));
    }

    private List<String> activities(String reference) {
        String instanceId = history.createHistoricProcessInstanceQuery().processDefinitionKey(DsarProcess.KEY)
                .processInstanceBusinessKey(reference)
                .singleResult().getId();
        return history.createHistoricActivityInstanceQuery().processInstanceId(instanceId).list().stream()
                .map(HistoricActivityInstance::getActivityId).toList();
    }
}
