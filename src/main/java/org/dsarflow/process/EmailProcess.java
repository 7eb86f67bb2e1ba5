package org.dsarflow.process;

import jakarta.enterprise.context.ApplicationScoped;
import org.camunda.bpm.engine.RuntimeService;
import org.dsarflow.notification.EmailTemplate;

import java.util.Map;

/**
 * Sends an email as an instance of the {@code dsar-email} process, started in the caller's transaction: it
 * is sent by the engine's job executor afterwards, retried with back-off, and raises an incident if it
 * never goes, while the request itself goes on.
 */
@ApplicationScoped
public class EmailProcess {

    public static final String KEY = "dsar-email";
    public static final String BPMN_RESOURCE = "bpmn/dsar-email.bpmn";
    /** Variables of an email instance: the request reference and the template, nothing else. */
    public static final String REQUEST_REFERENCE = "requestReference";
    public static final String TEMPLATE = "emailTemplate";

    private final RuntimeService runtime;

    EmailProcess(RuntimeService runtime) {
        this.runtime = runtime;
    }

    public void start(String reference, EmailTemplate template) {
        runtime.startProcessInstanceByKey(KEY, reference, Map.of(REQUEST_REFERENCE, reference, TEMPLATE, template.name()));
    }
}
