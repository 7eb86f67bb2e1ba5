package org.dsarflow.process;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.dsarflow.complaint.ComplaintClosed;
import org.dsarflow.complaint.ComplaintLogged;
import org.dsarflow.complaint.ComplaintUpdated;

import java.util.Map;

/**
 * Drives each complaint's process instance from what the complaint service announces, in the transaction of
 * the change (the events are synchronous), as {@link RequestProcess} does for requests.
 */
@ApplicationScoped
public class ComplaintProcess {

    private final RuntimeService runtime;
    private final TaskService tasks;

    ComplaintProcess(RuntimeService runtime, TaskService tasks) {
        this.runtime = runtime;
        this.tasks = tasks;
    }

    void onLogged(@Observes ComplaintLogged logged) {
        runtime.startProcessInstanceByKey(ComplaintProcessModel.KEY, logged.reference(),
                Map.of(ComplaintProcessModel.COMPLAINT_REFERENCE, logged.reference()));
    }

    void onUpdated(@Observes ComplaintUpdated updated) {
        runtime.createMessageCorrelation(ComplaintProcessModel.COMPLAINT_UPDATED)
                .processInstanceBusinessKey(updated.reference())
                .setVariableToTriggeredScope(ComplaintProcessModel.TELL_COMPLAINANT, updated.tellComplainant())
                .correlate();
    }

    /** The outcome ends the investigation; the process tells the complainant. */
    void onClosed(@Observes ComplaintClosed closed) {
        Task investigation = tasks.createTaskQuery().processInstanceBusinessKey(closed.reference())
                .taskDefinitionKey(ComplaintProcessModel.INVESTIGATE).singleResult();
        if (investigation == null) {
            throw new IllegalStateException("Complaint " + closed.reference() + " has no investigation task");
        }
        tasks.complete(investigation.getId(), Map.of(ComplaintProcessModel.OUTCOME, closed.outcome().name()));
    }
}
