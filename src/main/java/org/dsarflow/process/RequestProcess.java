package org.dsarflow.process;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.dsarflow.audit.AuditLog;
import org.dsarflow.deadline.ClockEventKind;
import org.dsarflow.deadline.ClockEventRecorded;
import org.dsarflow.decision.DecisionReviewed;
import org.dsarflow.fulfilment.CustodianConfirmed;
import org.dsarflow.fulfilment.RedactionRecorded;
import org.dsarflow.intake.RequestCancelled;
import org.dsarflow.intake.RequestLogged;
import org.dsarflow.notification.EmailTemplate;
import org.dsarflow.repeat.RequestClosedAsDuplicate;
import org.dsarflow.shared.ConflictException;
import org.dsarflow.subject.IdentifiersReceived;
import org.dsarflow.subject.NoDataHeld;

import java.util.Map;
import java.util.Optional;

/**
 * Drives each request's process instance from what the domain announces. The events are synchronous, so
 * every engine call here runs in the transaction of the change that caused it: there is never a request
 * without its process instance, nor a step taken for a change that rolled back.
 */
@ApplicationScoped
public class RequestProcess {

    private final RuntimeService runtime;
    private final TaskService tasks;
    private final IdentityService identities;

    RequestProcess(RuntimeService runtime, TaskService tasks, IdentityService identities) {
        this.runtime = runtime;
        this.tasks = tasks;
        this.identities = identities;
    }

    void onLogged(@Observes RequestLogged logged) {
        runtime.startProcessInstanceByKey(DsarProcess.KEY, logged.reference(),
                Map.of(DsarProcess.REQUEST_REFERENCE, logged.reference()));
    }

    /**
     * The deadline is recalculated, and the requester told where the event calls for it; asking the requester
     * for clarification also completes the DPO's task to ask.
     */
    void onClockEvent(@Observes ClockEventRecorded recorded) {
        runtime.createMessageCorrelation(DsarProcess.CLOCK_EVENT_RECORDED)
                .processInstanceBusinessKey(recorded.reference())
                .setVariableToTriggeredScope(DsarProcess.REQUESTER_EMAIL,
                        EmailTemplate.telling(recorded.kind()).map(Enum::name).orElse(null))
                .correlate();
        if (recorded.kind() == ClockEventKind.CLARIFICATION_REQUESTED) {
            completeAskForIdentifiers(recorded.reference());
        }
    }

    /** More identifiers arrived, asked for or not: locate again. */
    void onIdentifiersReceived(@Observes IdentifiersReceived received) {
        completeAskForIdentifiers(received.reference());
        correlate(DsarProcess.IDENTIFIERS_RECEIVED, received.reference());
    }

    void onNoDataHeld(@Observes NoDataHeld closed) {
        correlate(DsarProcess.NO_DATA_HELD, closed.reference());
    }

    /** The process carries the decision out, or goes to the refusal. */
    void onReviewed(@Observes DecisionReviewed reviewed) {
        Task review = task(reviewed.reference(), DsarProcess.REVIEW_DECISION).orElseThrow(() ->
                new IllegalStateException("Request " + reviewed.reference() + " has no review task"));
        complete(review, Map.of(DsarProcess.REVIEW_OUTCOME, reviewed.outcome().name()));
    }

    /** Completes the custodian task of that holding, if it is still open. */
    void onCustodianConfirmed(@Observes CustodianConfirmed confirmed) {
        tasks.createTaskQuery().processInstanceBusinessKey(confirmed.reference())
                .taskDefinitionKey(DsarProcess.CONFIRM_CUSTODIAN).list().stream()
                .filter(task -> confirmed.custodianTask().equals(tasks.getVariable(task.getId(), DsarProcess.CUSTODIAN_TASK)))
                .findFirst()
                .ifPresent(task -> complete(task, Map.of(), confirmed.by()));
    }

    /** Completes the redaction task of that holding, if it is still open. */
    void onRedactionRecorded(@Observes RedactionRecorded recorded) {
        tasks.createTaskQuery().processInstanceBusinessKey(recorded.reference())
                .taskDefinitionKey(DsarProcess.CONFIRM_REDACTION).list().stream()
                .filter(task -> recorded.redactionTask().equals(tasks.getVariable(task.getId(), DsarProcess.REDACTION_TASK)))
                .findFirst()
                .ifPresent(task -> tasks.complete(task.getId()));
    }

    void onCancelled(@Observes RequestCancelled cancelled) {
        correlate(DsarProcess.REQUEST_CANCELLED, cancelled.reference());
    }

    /**
     * A request whose process began on a version of dsar-request from before the duplicate close has no event to
     * take it: a 409, and the close is rolled back with it, rather than a 500 or a request closed but running.
     */
    void onClosedAsDuplicate(@Observes RequestClosedAsDuplicate closed) {
        try {
            correlate(DsarProcess.CLOSED_AS_DUPLICATE, closed.reference());
        } catch (MismatchingMessageCorrelationException e) {
            throw new ConflictException("PROCESS_PREDATES_DUPLICATE_CLOSE", "This request's process began before a "
                    + "request could be closed as a duplicate; cancel it instead.");
        }
    }

    private void correlate(String message, String reference) {
        runtime.createMessageCorrelation(message).processInstanceBusinessKey(reference).correlate();
    }

    private void completeAskForIdentifiers(String reference) {
        task(reference, DsarProcess.ASK_FOR_IDENTIFIERS).ifPresent(task -> complete(task, Map.of()));
    }

    /**
     * Completes the task as the person acting, as the audit trail names them: they become its assignee, and
     * the engine's operation log records them as the user who completed it.
     */
    private void complete(Task task, Map<String, Object> variables) {
        complete(task, variables, AuditLog.actor());
    }

    private void complete(Task task, Map<String, Object> variables, String actor) {
        tasks.setAssignee(task.getId(), actor);
        identities.setAuthenticatedUserId(actor);
        try {
            tasks.complete(task.getId(), variables);
        } finally {
            identities.clearAuthentication();
        }
    }

    private Optional<Task> task(String reference, String taskDefinitionKey) {
        return Optional.ofNullable(tasks.createTaskQuery().processInstanceBusinessKey(reference)
                .taskDefinitionKey(taskDefinitionKey).singleResult());
    }
}
