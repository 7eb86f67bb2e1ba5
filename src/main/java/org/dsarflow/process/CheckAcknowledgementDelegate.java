package org.dsarflow.process;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.dsarflow.complaint.ComplaintService;

/** {@code checkAcknowledgement}: whether the acknowledgement was given before the escalation fell due. */
@ApplicationScoped
@Named("checkAcknowledgement")
public class CheckAcknowledgementDelegate implements JavaDelegate {

    private final ComplaintService complaints;

    CheckAcknowledgementDelegate(ComplaintService complaints) {
        this.complaints = complaints;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariableLocal(ComplaintProcessModel.ACKNOWLEDGEMENT_MET, complaints.acknowledgementMet(
                (String) execution.getVariable(ComplaintProcessModel.COMPLAINT_REFERENCE)));
    }
}
