package org.dsarflow.process;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.dsarflow.complaint.ComplaintService;

/** {@code checkProgress}: whether the DPO mailbox is to be reminded of the complaint today. */
@ApplicationScoped
@Named("checkProgress")
public class CheckProgressDelegate implements JavaDelegate {

    private final ComplaintService complaints;

    CheckProgressDelegate(ComplaintService complaints) {
        this.complaints = complaints;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariableLocal(ComplaintProcessModel.REMINDER_DUE, complaints.reminderDue(
                (String) execution.getVariable(ComplaintProcessModel.COMPLAINT_REFERENCE)));
    }
}
