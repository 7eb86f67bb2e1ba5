package org.dsarflow.process;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.dsarflow.deadline.RequestClockService;

/** {@code recordDeadline} and {@code recalculateDeadline}: stores the deadline as it now stands. */
@ApplicationScoped
@Named("recordDeadline")
public class RecordDeadlineDelegate implements JavaDelegate {

    private final RequestClockService clocks;

    RecordDeadlineDelegate(RequestClockService clocks) {
        this.clocks = clocks;
    }

    @Override
    public void execute(DelegateExecution execution) {
        clocks.recordDeadline((String) execution.getVariable(DsarProcess.REQUEST_REFERENCE));
    }
}
