package org.dsarflow.process;

import jakarta.enterprise.context.ApplicationScoped;
import org.camunda.bpm.engine.RuntimeService;

import java.util.Map;

/** Starts and signals a request's process instance, inside the caller's transaction. */
@ApplicationScoped
public class RequestProcess {

    private final RuntimeService runtime;

    RequestProcess(RuntimeService runtime) {
        this.runtime = runtime;
    }

    public void start(String reference) {
        runtime.startProcessInstanceByKey(DsarProcess.KEY, reference,
                Map.of(DsarProcess.REQUEST_REFERENCE, reference));
    }

    public void clockEventRecorded(String reference) {
        runtime.createMessageCorrelation(DsarProcess.CLOCK_EVENT_RECORDED)
                .processInstanceBusinessKey(reference)
                .correlate();
    }

    public void cancel(String reference) {
        runtime.createMessageCorrelation(DsarProcess.REQUEST_CANCELLED)
                .processInstanceBusinessKey(reference)
                .correlate();
    }
}
