package org.dsarflow.process;

import jakarta.enterprise.context.ApplicationScoped;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.dsarflow.intake.ReviewOutcome;

import java.util.Map;
import java.util.Optional;

/** Starts and signals a request's process instance, inside the caller's transaction. */
@ApplicationScoped
public class RequestProcess {

    private final RuntimeService runtime;
    private final TaskService tasks;

    RequestProcess(RuntimeService runtime, TaskService tasks) {
        this.runtime = runtime;
        this.tasks = tasks;
    }

    public void start(String reference) {
        runtime.startProcessInstanceByKey(DsarProcess.KEY, reference,
                Map.of(DsarProcess.REQUEST_REFERENCE, reference));
    }

    public void clockEventRecorded(String reference) {
        runtime.createMessageCorrelation(DsarProcess.CLOCK_EVENT_RECORDED)
                .processInstanceBusinessKey(reference)
                .correlate();
    }

    /** Waiting for the DPO to ask the requester, or for the requester's answer. */
    public boolean awaitingIdentifiers(String reference) {
        return runtime.createExecutionQuery().processInstanceBusinessKey(reference)
                .activityId(DsarProcess.ASK_FOR_IDENTIFIERS).count()
                + runtime.createExecutionQuery().processInstanceBusinessKey(reference)
                .activityId(DsarProcess.IDENTIFIERS_RECEIVED_EVENT).count() > 0;
    }

    /** The DPO has asked the requester for more identifiers: their task is done. */
    public void identifiersRequested(String reference) {
        askForIdentifiersTask(reference).ifPresent(task -> tasks.complete(task.getId()));
    }

    /** More identifiers arrived, asked for or not: locate again. */
    public void identifiersReceived(String reference) {
        identifiersRequested(reference);
        runtime.createMessageCorrelation(DsarProcess.IDENTIFIERS_RECEIVED)
                .processInstanceBusinessKey(reference)
                .correlate();
    }

    public boolean awaitingReview(String reference) {
        return task(reference, DsarProcess.REVIEW_DECISION).isPresent();
    }

    /** The DPO has reviewed the decision: the process carries it out, or goes to the refusal. */
    public void decisionReviewed(String reference, ReviewOutcome outcome) {
        Task review = task(reference, DsarProcess.REVIEW_DECISION).orElseThrow(() ->
                new IllegalStateException("Request " + reference + " has no review task"));
        tasks.complete(review.getId(), Map.of(DsarProcess.REVIEW_OUTCOME, outcome.name()));
    }

    /** Completes the custodian task for "studyKey/holdingKey", if it is still open. */
    public boolean custodianConfirmed(String reference, String custodianTask) {
        for (Task task : tasks.createTaskQuery().processInstanceBusinessKey(reference)
                .taskDefinitionKey(DsarProcess.CONFIRM_CUSTODIAN).list()) {
            if (custodianTask.equals(tasks.getVariable(task.getId(), DsarProcess.CUSTODIAN_TASK))) {
                tasks.complete(task.getId());
                return true;
            }
        }
        return false;
    }

    public void noDataHeld(String reference) {
        runtime.createMessageCorrelation(DsarProcess.NO_DATA_HELD)
                .processInstanceBusinessKey(reference)
                .correlate();
    }

    public void cancel(String reference) {
        runtime.createMessageCorrelation(DsarProcess.REQUEST_CANCELLED)
                .processInstanceBusinessKey(reference)
                .correlate();
    }

    private Optional<Task> askForIdentifiersTask(String reference) {
        return task(reference, DsarProcess.ASK_FOR_IDENTIFIERS);
    }

    private Optional<Task> task(String reference, String taskDefinitionKey) {
        return Optional.ofNullable(tasks.createTaskQuery().processInstanceBusinessKey(reference)
                .taskDefinitionKey(taskDefinitionKey).singleResult());
    }
}
