package org.dsarflow.process;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Named;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.dsarflow.notification.EmailService;
import org.dsarflow.notification.EmailTemplate;

import java.util.Arrays;
import java.util.List;

/**
 * {@code sendEmails}, the asynchronous step at each point of the request where someone is told: sends the
 * templates named in the step's field {@code emails}, each once. A failure is retried by the engine, then
 * becomes an incident. Dependent-scoped: the engine injects the field into its own instance.
 */
@Dependent
@Named("sendEmails")
public class SendEmailsDelegate implements JavaDelegate {

    private final EmailService emails;

    /** The templates, comma-separated; injected by the engine from the BPMN field. */
    private Expression templates;

    SendEmailsDelegate(EmailService emails) {
        this.emails = emails;
    }

    public void setEmails(Expression templates) {
        this.templates = templates;
    }

    @Override
    public void execute(DelegateExecution execution) {
        List<EmailTemplate> due = Arrays.stream(((String) templates.getValue(execution)).split(","))
                .map(String::strip).map(EmailTemplate::valueOf).toList();
        emails.sendOnce((String) execution.getVariable(DsarProcess.REQUEST_REFERENCE), due, EmailOccasion.of(execution));
    }
}
