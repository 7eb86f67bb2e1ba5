package org.dsarflow.process;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.dsarflow.Jobs;
import org.dsarflow.Studies;
import org.dsarflow.intake.DsarRequest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dsarflow.Api.auditor;
import static org.dsarflow.Api.clockEvent;
import static org.dsarflow.Api.dpo;
import static org.dsarflow.Api.logRequest;
import static org.dsarflow.Api.requestBody;

/**
 * Each path through bpmn/dsar-request.bpmn, driven through the API and observed in the engine. The emails are
 * steps of the process too: a test that looks at the step a request waits at sends them first, as the job
 * executor would.
 */
@QuarkusTest
class DsarProcessTest {

    @Inject
    RuntimeService runtime;
    @Inject
    HistoryService history;
    @Inject
    TaskService tasks;
    @Inject
    RepositoryService repository;
    @Inject
    ManagementService management;

    @Test
    void theModelIsDeployedOnceWithAHistoryTimeToLive() {
        var definitions = repository.createProcessDefinitionQuery().processDefinitionKey(DsarProcess.KEY).list();
        assertThat(definitions).hasSize(1);
        assertThat(definitions.get(0).getHistoryTimeToLive()).isEqualTo(730);
    }

    @Test
    void aLocatedSubjectGoesToReview() {
        String study = Studies.create("COLLECTION", "2024-01-01");
        Studies.importSubjects(study, List.of(Studies.subject("P-1", Map.of("email", "kim@example.org"), "survey")));
        String reference = dpo().body(Studies.requestFor(study, "ACCESS", "2024-09-03", Map.of("email", "Kim@Example.org")))
                .post("/api/requests").then().statusCode(201).extract().path("reference");

        ProcessInstance instance = instanceOf(reference);
        Jobs.runEmails(runtime, management, reference);
        assertThat(runtime.getActiveActivityIds(instance.getId())).containsExactly("reviewDecision");
        assertThat(activitiesOf(instance)).contains("requestLogged", "recordDeadline", "locateSubject", "decide",
                "reviewDecision", "sendAcknowledgement", "acknowledged");
        assertThat(runtime.getVariables(instance.getId()))
                .containsOnlyKeys(DsarProcess.REQUEST_REFERENCE, DsarProcess.MATCH_STATUS)
                .containsEntry(DsarProcess.REQUEST_REFERENCE, reference)
                .containsEntry(DsarProcess.MATCH_STATUS, "UNIQUE");
        dpo().get("/api/requests/{ref}", reference).then().statusCode(200)
                .body("deadline", org.hamcrest.Matchers.equalTo("2024-10-03"))
                .body("decision.actions", org.hamcrest.Matchers.hasSize(1));
    }

    @Test
    void theProcessEndpointListsTheStepsTakenAndTheStepTheRequestIsAt() {
        String study = Studies.create("COLLECTION", "2024-01-01");
        Studies.importSubjects(study, List.of(Studies.subject("P-1", Map.of("email", "lee@example.org"), "survey")));
        String reference = dpo().body(Studies.requestFor(study, "ACCESS", "2024-09-03", Map.of("email", "lee@example.org")))
                .post("/api/requests").then().statusCode(201).extract().path("reference");

        auditor().get("/api/requests/{ref}/process", reference).then().statusCode(200)
                .body("activityId", org.hamcrest.Matchers.hasItems("requestLogged", "recordDeadline", "locateSubject",
                        "subjectLocated", "decide", "reviewDecision"))
                .body("find { it.activityId == 'decide' }.endedAt", org.hamcrest.Matchers.notNullValue())
                .body("find { it.activityId == 'reviewDecision' }.endedAt", org.hamcrest.Matchers.nullValue())
                .body("find { it.activityId == 'reviewDecision' }.startedAt", org.hamcrest.Matchers.notNullValue())
                .body("activityId.indexOf('recordDeadline')", org.hamcrest.Matchers.lessThan(
                        auditor().get("/api/requests/{ref}/process", reference).path("activityId.indexOf('locateSubject')")));
        dpo().get("/api/requests/{ref}/process", "DSAR-2026-999999").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void aSubjectNotFoundWaitsForTheDpoToAskForMoreIdentifiersThenLocatesAgain() {
        String study = Studies.create("COLLECTION", "2024-01-01");
        Studies.importSubjects(study, List.of(Studies.subject("P-1",
                Map.of("firstInitial", "J", "surnamePrefix", "Sm", "localAuthority", "London Borough of Bexley"), "survey")));
        String reference = dpo().body(Studies.requestFor(study, "ERASURE", "2024-10-01", Map.of("email", "js@example.org")))
                .post("/api/requests").then().statusCode(201).extract().path("reference");
        ProcessInstance instance = instanceOf(reference);
        Jobs.runEmails(runtime, management, reference);
        assertThat(runtime.getActiveActivityIds(instance.getId())).containsExactly("askForIdentifiers");
        assertThat(runtime.getVariable(instance.getId(), DsarProcess.MATCH_STATUS)).isEqualTo("NOT_FOUND");

        clockEvent(reference, "CLARIFICATION_REQUESTED", "2024-10-02");
        Jobs.runEmails(runtime, management, reference);
        assertThat(runtime.getActiveActivityIds(instance.getId())).containsExactly("identifiersReceived");

        dpo().body(Map.of("identifiers", Map.of("firstName", "Jo", "surname", "Smith", "localAuthority", "bexley"),
                        "on", "2024-10-09"))
                .post("/api/requests/{ref}/identifiers", reference).then().statusCode(200)
                .body("match.status", org.hamcrest.Matchers.equalTo("UNIQUE"))
                .body("deadline", org.hamcrest.Matchers.equalTo("2024-11-11"));
        assertThat(runtime.getActiveActivityIds(instance.getId())).containsExactly("reviewDecision");
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
                .activityId("locateSubject").count()).isEqualTo(2);
    }

    @Test
    void theDpoMayCloseARequestWhoseSubjectIsNotFound() {
        String reference = logRequest("ACCESS", "2025-03-10");
        ProcessInstance instance = instanceOf(reference);
        Jobs.runEmails(runtime, management, reference);
        assertThat(runtime.getActiveActivityIds(instance.getId())).containsExactly("askForIdentifiers");

        dpo().post("/api/requests/{ref}/no-data-held", reference).then().statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("COMPLETED"))
                .body("outcome", org.hamcrest.Matchers.equalTo("NO_DATA_HELD"));
        Jobs.runEmails(runtime, management, reference);

        assertThat(runtime.createProcessInstanceQuery().processInstanceId(instance.getId()).count()).isZero();
        assertThat(activitiesOf(instance)).contains("noDataHeldDecided", "sendNoDataHeldResponse", "closedNoDataHeld");
    }

    @Test
    void aClockEventRecalculatesTheDeadlineWithoutLeavingTheCurrentStep() {
        String reference = logRequest("ACCESS", "2025-03-10");
        ProcessInstance instance = instanceOf(reference);

        clockEvent(reference, "IDENTITY_REQUESTED", "2025-03-11");
        assertThat(storedDeadline(reference)).isNull();

        clockEvent(reference, "IDENTITY_CONFIRMED", "2025-03-20");
        assertThat(storedDeadline(reference)).hasToString("2025-04-22");
        Jobs.runEmails(runtime, management, reference);
        assertThat(runtime.getActiveActivityIds(instance.getId())).containsExactly("askForIdentifiers");
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
                .activityId("recalculateDeadline").count()).isEqualTo(2);
    }

    @Test
    void cancellingEndsTheInstanceWhereverItIs() {
        String reference = logRequest("ERASURE", "2025-03-10");
        ProcessInstance instance = instanceOf(reference);

        dpo().body("{\"reason\":\"Requester withdrew the request\"}")
                .post("/api/requests/{ref}/cancel", reference).then().statusCode(200);
        // The handling ends at once; the acknowledgement already due still goes.
        assertThat(runtime.getActiveActivityIds(instance.getId())).containsExactly("sendAcknowledgement");
        Jobs.runEmails(runtime, management, reference);

        assertThat(runtime.createProcessInstanceQuery().processInstanceId(instance.getId()).count()).isZero();
        assertThat(activitiesOf(instance)).contains("cancellationRequested", "requestCancelled", "acknowledged");
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
                .activityId("handleRequest").singleResult().isCanceled()).isTrue();
    }

    @Test
    void approvingTheReviewCarriesOutAndResponds() {
        String study = Studies.create("ANALYSIS", "2024-01-01");
        Studies.importSubjects(study, List.of(Studies.subject("P-9", Map.of("email", "lee@example.org"), "drive")));
        String reference = dpo().body(Studies.requestFor(study, "RECTIFICATION", "2025-03-10", Map.of("email", "lee@example.org")))
                .post("/api/requests").then().statusCode(201).extract().path("reference");
        ProcessInstance instance = instanceOf(reference);
        Jobs.runEmails(runtime, management, reference);
        var review = tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();
        assertThat(review.getTaskDefinitionKey()).isEqualTo("reviewDecision");
        assertThat(tasks.getIdentityLinksForTask(review.getId()))
                .anySatisfy(link -> assertThat(link.getGroupId()).isEqualTo("dpo"));

        dpo().body(Map.of("approve", true, "changes", Map.of("stressScore", "2")))
                .post("/api/requests/{ref}/review", reference).then().statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("COMPLETED"));
        Jobs.runEmails(runtime, management, reference);

        assertThat(activitiesOf(instance)).contains("decide", "reviewDecision", "reviewed", "carryOut",
                "custodiansToConfirm", "respond", "sendResponse", "requestHandled");
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(instance.getId())
                .singleResult().getEndActivityId()).isEqualTo("requestHandled");
    }

    @Test
    void noRequestIsKeptWithoutItsProcessInstance() {
        long before = requestCount();
        repository.suspendProcessDefinitionByKey(DsarProcess.KEY);
        try {
            dpo().body(requestBody("ACCESS", "2025-03-10")).post("/api/requests")
                    .then().statusCode(500).contentType("application/problem+json");
        } finally {
            repository.activateProcessDefinitionByKey(DsarProcess.KEY);
        }
        assertThat(requestCount()).isEqualTo(before);
    }

    @Test
    void processHistoryHoldsNoPersonalData() {
        String reference = logRequest("ACCESS", "2025-03-10");
        String instance = instanceOf(reference).getId();
        assertThat(runtime.getVariables(instance)).containsOnlyKeys(DsarProcess.REQUEST_REFERENCE, DsarProcess.MATCH_STATUS)
                .allSatisfy((name, value) -> assertThat(String.valueOf(value)).doesNotContain("example.org", "Alex"));
        // History at "activity" keeps the steps, for the diagram, and no variables at all.
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(instance).list()).isEmpty();
        assertThat(history.createHistoricDetailQuery().processInstanceId(instance).list()).isEmpty();
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(instance).list())
                .extracting(HistoricActivityInstance::getActivityId).contains("recordDeadline", "locateSubject");
    }

    /** The deadline as the recalculation stored it on the request row. */
    private static java.time.LocalDate storedDeadline(String reference) {
        return QuarkusTransaction.requiringNew().call(() -> DsarRequest.require(reference).deadline);
    }

    private static long requestCount() {
        return QuarkusTransaction.requiringNew().call(() -> DsarRequest.count());
    }

    private ProcessInstance instanceOf(String reference) {
        return runtime.createProcessInstanceQuery()
                .processDefinitionKey(DsarProcess.KEY).processInstanceBusinessKey(reference).singleResult();
    }

    private List<String> activitiesOf(ProcessInstance instance) {
        return history.createHistoricActivityInstanceQuery().processInstanceId(instance.getId()).list().stream()
                .map(HistoricActivityInstance::getActivityId).toList();
    }
}
