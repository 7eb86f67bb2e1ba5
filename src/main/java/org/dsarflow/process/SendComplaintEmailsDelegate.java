package org.dsarflow.process;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Named;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.dsarflow.complaint.ComplaintEmail;
import org.dsarflow.complaint.ComplaintEmails;

import java.util.Arrays;
import java.util.List;

/**
 * {@code sendComplaintEmails}, the asynchronous email step of a complaint, as {@link SendEmailsDelegate} is
 * a request's: sends the templates named in the field {@code emails}, each once per step.
 */
@Dependent
@Named("sendComplaintEmails")
public class SendComplaintEmailsDelegate implements JavaDelegate {

    private final ComplaintEmails emails;

    private Expression templates;

    SendComplaintEmailsDelegate(ComplaintEmails emails) {
        this.emails = emails;
    }

    public void setEmails(Expression templates) {
        this.templates = templates;
    }

    @Override
    public void execute(DelegateExecution execution) {
        List<ComplaintEmail> due = Arrays.stream(((String) templates.getValue(execution)).split(","))
                .map(String::strip).map(ComplaintEmail::valueOf).toList();
        emails.sendOnce((String) execution.getVariable(ComplaintProcessModel.COMPLAINT_REFERENCE), due,
                EmailOccasion.of(execution));
    }
}
