package org.dsarflow.process;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.dsarflow.notification.EmailService;
import org.dsarflow.notification.EmailTemplate;

import java.util.List;

/**
 * {@code sendEmail} of the retired {@code dsar-email} process: a database upgraded from a version that sent
 * each email as a process of its own keeps that definition, and its open instances finish here.
 */
@ApplicationScoped
@Named("sendEmail")
public class SendEmailDelegate implements JavaDelegate {

    static final String LEGACY_KEY = "dsar-email";
    private static final String REQUEST_REFERENCE = "requestReference";
    private static final String TEMPLATE = "emailTemplate";

    private final EmailService emails;

    SendEmailDelegate(EmailService emails) {
        this.emails = emails;
    }

    @Override
    public void execute(DelegateExecution execution) {
        emails.sendOnce((String) execution.getVariable(REQUEST_REFERENCE),
                List.of(EmailTemplate.valueOf((String) execution.getVariable(TEMPLATE))), EmailOccasion.of(execution));
    }
}
