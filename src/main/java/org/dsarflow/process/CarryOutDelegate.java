package org.dsarflow.process;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.dsarflow.fulfilment.FulfilmentService;

/** {@code carryOut}: acts on internal holdings and leaves external ones to their custodians. */
@ApplicationScoped
@Named("carryOut")
public class CarryOutDelegate implements JavaDelegate {

    private final FulfilmentService fulfilment;

    CarryOutDelegate(FulfilmentService fulfilment) {
        this.fulfilment = fulfilment;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String reference = (String) execution.getVariable(DsarProcess.REQUEST_REFERENCE);
        execution.setVariable(DsarProcess.CUSTODIAN_TASKS, fulfilment.carryOut(reference));
    }
}
