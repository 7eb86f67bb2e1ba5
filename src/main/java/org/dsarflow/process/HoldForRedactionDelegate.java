package org.dsarflow.process;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.dsarflow.fulfilment.FulfilmentService;

/** {@code holdForRedaction}: how many held-back copies wait for the DPO to deal with other people's information. */
@ApplicationScoped
@Named("holdForRedaction")
public class HoldForRedactionDelegate implements JavaDelegate {

    private final FulfilmentService fulfilment;

    HoldForRedactionDelegate(FulfilmentService fulfilment) {
        this.fulfilment = fulfilment;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String reference = (String) execution.getVariable(DsarProcess.REQUEST_REFERENCE);
        execution.setVariable(DsarProcess.REDACTION_TASKS, fulfilment.awaitingRedaction(reference).size());
    }
}
