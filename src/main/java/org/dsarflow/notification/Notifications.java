package org.dsarflow.notification;

import jakarta.enterprise.context.ApplicationScoped;
import org.camunda.bpm.engine.RuntimeService;

import java.util.Map;

/**
 * Asks for an email to be sent. Each email is an instance of the {@code dsar-email} process, started in
 * the caller's transaction: it is sent by the engine's job executor afterwards, retried with back-off,
 * and raises an incident if it never goes, while the request itself goes on.
 */
@ApplicationScoped
public class Notifications {

    public static final String PROCESS_KEY = "dsar-email";
    public static final String BPMN_RESOURCE = "bpmn/dsar-email.bpmn";
    /** Variables of an email instance: the request reference and the template, nothing else. */
    public static final String REQUEST_REFERENCE = "requestReference";
    public static final String TEMPLATE = "emailTemplate";

    private final RuntimeService runtime;

    Notifications(RuntimeService runtime) {
        this.runtime = runtime;
    }

    public void send(String reference, EmailTemplate template) {
        runtime.startProcessInstanceByKey(PROCESS_KEY, reference,
                Map.of(REQUEST_REFERENCE, reference, TEMPLATE, template.name()));
    }
}
