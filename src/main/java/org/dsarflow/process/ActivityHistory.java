package org.dsarflow.process;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.dsarflow.complaint.Complaint;
import org.dsarflow.intake.DsarRequest;
import org.dsarflow.view.ProcessHistory;

import java.util.List;

/** A request's or a complaint's steps from the engine's history of its own process (not its emails'). */
@ApplicationScoped
public class ActivityHistory implements ProcessHistory {

    private final HistoryService history;

    ActivityHistory(HistoryService history) {
        this.history = history;
    }

    @Override
    @Transactional
    public List<Step> of(String reference) {
        DsarRequest.require(reference);
        return steps(DsarProcess.KEY, reference);
    }

    @Override
    @Transactional
    public List<Step> ofComplaint(String reference) {
        Complaint.require(reference);
        return steps(ComplaintProcessModel.KEY, reference);
    }

    private List<Step> steps(String processKey, String reference) {
        HistoricProcessInstance instance = history.createHistoricProcessInstanceQuery()
                .processDefinitionKey(processKey).processInstanceBusinessKey(reference).singleResult();
        if (instance == null) {
            return List.of();
        }
        return history.createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
                .orderByHistoricActivityInstanceStartTime().asc().orderPartiallyByOccurrence().asc()
                .list().stream()
                .map(step -> new Step(step.getActivityId(), step.getStartTime().toInstant(),
                        step.getEndTime() == null ? null : step.getEndTime().toInstant()))
                .toList();
    }
}
