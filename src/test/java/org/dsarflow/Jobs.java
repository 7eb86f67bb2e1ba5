package org.dsarflow;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaField;
import org.dsarflow.intake.DsarRequest;
import org.dsarflow.notification.SentEmail;

import java.util.Arrays;
import java.util.List;

/**
 * The tests run the engine's jobs themselves (the job executor is off in the test profile), so emails and
 * timers happen exactly when a test says. The email jobs are the request's asynchronous send steps (and
 * those of the retired {@code dsar-email} process a test may start).
 */
public final class Jobs {

    private Jobs() {
    }

    /** The email jobs of {@code reference} that still have retries left. */
    public static List<Job> emails(RuntimeService runtime, ManagementService management, String reference) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(reference).list().stream()
                .map(ProcessInstance::getId)
                .flatMap(id -> management.createJobQuery().processInstanceId(id).messages().withRetriesLeft()
                        .list().stream())
                .toList();
    }

    /**
     * Runs each pending email job of {@code reference} once, due or not; answers how many emails failed: a
     * failed step counts each of its emails that had not gone yet.
     */
    public static int runEmails(RuntimeService runtime, ManagementService management, String reference) {
        int failed = 0;
        for (Job job : emails(runtime, management, reference)) {
            try {
                management.executeJob(job.getId());
            } catch (RuntimeException e) {
                failed += unsent(runtime, management, job, reference);
            }
        }
        return failed;
    }

    private static int unsent(RuntimeService runtime, ManagementService management, Job job, String reference) {
        String activity = management.createJobDefinitionQuery().jobDefinitionId(job.getJobDefinitionId())
                .singleResult().getActivityId();
        BaseElement step = Arc.container().instance(RepositoryService.class).get()
                .getBpmnModelInstance(job.getProcessDefinitionId()).getModelElementById(activity);
        List<String> templates = step.getExtensionElements() == null ? List.of() : step.getExtensionElements()
                .getElementsQuery().filterByType(CamundaField.class).list().stream()
                .filter(field -> field.getCamundaName().equals("emails"))
                .flatMap(field -> Arrays.stream(templatesOf(runtime, job, field).split(",")))
                .toList();
        if (templates.isEmpty()) {
            return 1;
        }
        long sent = QuarkusTransaction.requiringNew().call(() -> SentEmail.count("requestId = ?1 and occasion = ?2",
                DsarRequest.require(reference).id, job.getId()));
        return (int) (templates.size() - sent);
    }

    private static String templatesOf(RuntimeService runtime, Job job, CamundaField field) {
        if (field.getCamundaStringValue() != null) {
            return field.getCamundaStringValue();
        }
        // "${requesterEmail}": the template the clock event's subprocess was given.
        String variable = field.getCamundaExpressionChild().getTextContent().replaceAll("[${}]", "");
        return (String) runtime.getVariable(job.getExecutionId(), variable);
    }
}
