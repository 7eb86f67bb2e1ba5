package org.dsarflow.process;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.dsarflow.notification.EmailNotSentException;
import org.dsarflow.notification.EmailService;
import org.dsarflow.notification.EmailTemplate;

/** {@code sendEmail}, an asynchronous step: a failure is retried by the engine, then becomes an incident. */
@ApplicationScoped
@Named("sendEmail")
public class SendEmailDelegate implements JavaDelegate {

    private final EmailService emails;

    SendEmailDelegate(EmailService emails) {
        this.emails = emails;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String reference = (String) execution.getVariable(EmailProcess.REQUEST_REFERENCE);
        EmailTemplate template = EmailTemplate.valueOf((String) execution.getVariable(EmailProcess.TEMPLATE));
        try {
            emails.send(reference, template);
        } catch (RuntimeException e) {
            throw new EmailNotSentException(template, e);
        }
    }
}
