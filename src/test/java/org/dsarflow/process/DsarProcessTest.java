package org.dsarflow.process;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.dsarflow.intake.DsarRequest;
import io.quarkus.narayana.jta.QuarkusTransaction;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dsarflow.Api.clockEvent;
import static org.dsarflow.Api.dpo;
import static org.dsarflow.Api.logRequest;
import static org.dsarflow.Api.requestBody;

/** Each path through bpmn/dsar-request.bpmn, driven through the API and observed in the engine. */
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

    @Test
    void theModelIsDeployedOnceWithAHistoryTimeToLive() {
        var definitions = repository.createProcessDefinitionQuery().processDefinitionKey(DsarProcess.KEY).list();
        assertThat(definitions).hasSize(1);
        assertThat(definitions.get(0).getHistoryTimeToLive()).isEqualTo(730);
    }

    @Test
    void aLoggedRequestRecordsItsDeadlineAndWaitsForReview() {
        String reference = logRequest("ACCESS", "2024-09-03");

        ProcessInstance instance = instanceOf(reference);
        assertThat(runtime.getActiveActivityIds(instance.getId())).containsExactly("reviewRequest");
        assertThat(activitiesOf(instance)).contains("requestLogged", "recordDeadline", "reviewRequest");
        assertThat(runtime.getVariables(instance.getId()))
                .containsOnlyKeys(DsarProcess.REQUEST_REFERENCE, DsarProcess.DEADLINE)
                .containsEntry(DsarProcess.REQUEST_REFERENCE, reference)
                .containsEntry(DsarProcess.DEADLINE, "2024-10-03");
    }

    @Test
    void aClockEventRecalculatesTheDeadlineWithoutLeavingTheCurrentStep() {
        String reference = logRequest("ACCESS", "2025-03-10");
        ProcessInstance instance = instanceOf(reference);

        clockEvent(reference, "IDENTITY_REQUESTED", "2025-03-11");
        assertThat(runtime.getVariable(instance.getId(), DsarProcess.DEADLINE)).isNull();

        clockEvent(reference, "IDENTITY_CONFIRMED", "2025-03-20");
        assertThat(runtime.getVariable(instance.getId(), DsarProcess.DEADLINE)).isEqualTo("2025-04-22");
        assertThat(runtime.getActiveActivityIds(instance.getId())).containsExactly("reviewRequest");
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
                .activityId("recalculateDeadline").count()).isEqualTo(2);
    }

    @Test
    void cancellingEndsTheInstanceWhereverItIs() {
        String reference = logRequest("ERASURE", "2025-03-10");
        ProcessInstance instance = instanceOf(reference);

        dpo().body("{\"reason\":\"Requester withdrew the request\"}")
                .post("/api/requests/{ref}/cancel", reference).then().statusCode(200);

        assertThat(runtime.createProcessInstanceQuery().processInstanceId(instance.getId()).count()).isZero();
        assertThat(activitiesOf(instance)).contains("cancellationRequested", "requestCancelled");
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(instance.getId())
                .singleResult().getEndActivityId()).isEqualTo("cancellation");
    }

    @Test
    void completingTheReviewEndsTheInstance() {
        String reference = logRequest("RECTIFICATION", "2025-03-10");
        ProcessInstance instance = instanceOf(reference);
        var review = tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();
        assertThat(review.getTaskDefinitionKey()).isEqualTo("reviewRequest");
        assertThat(tasks.getIdentityLinksForTask(review.getId()))
                .anySatisfy(link -> assertThat(link.getGroupId()).isEqualTo("dpo"));

        tasks.complete(review.getId());

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
        List<HistoricVariableInstance> variables = history.createHistoricVariableInstanceQuery()
                .processInstanceId(instanceOf(reference).getId()).list();
        assertThat(variables).extracting(HistoricVariableInstance::getName)
                .containsOnly(DsarProcess.REQUEST_REFERENCE, DsarProcess.DEADLINE);
        assertThat(variables).extracting(v -> String.valueOf(v.getValue()))
                .noneMatch(value -> value.contains("example.org") || value.contains("Alex"));
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
