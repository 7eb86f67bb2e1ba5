package org.dsarflow.process;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.dsarflow.complaint.ComplaintService;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** {@code recordAcknowledgementDue}: stores the due date; the escalation timer falls due from the answer. */
@ApplicationScoped
@Named("recordAcknowledgementDue")
public class RecordAcknowledgementDueDelegate implements JavaDelegate {

    private final ComplaintService complaints;

    RecordAcknowledgementDueDelegate(ComplaintService complaints) {
        this.complaints = complaints;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String escalatesAt = DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(complaints.recordAcknowledgementDue(
                (String) execution.getVariable(ComplaintProcessModel.COMPLAINT_REFERENCE)).atOffset(ZoneOffset.UTC));
        execution.setVariable(ComplaintProcessModel.ACKNOWLEDGEMENT_ESCALATES_AT, escalatesAt);
    }
}
