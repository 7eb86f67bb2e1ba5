package org.dsarflow.process;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.dsarflow.fulfilment.FulfilmentService;

/**
 * Names each {@code confirmCustodian} instance after its holding ("studyKey/holdingKey"). The loop runs
 * {@code custodianTasks} times rather than over a list variable, so the engine stores no serialised
 * objects; instance n takes the n-th open custodian task, in the fixed order the service lists them.
 */
@ApplicationScoped
@Named("nameCustodianTask")
public class NameCustodianTaskListener implements ExecutionListener {

    private final FulfilmentService fulfilment;

    NameCustodianTaskListener(FulfilmentService fulfilment) {
        this.fulfilment = fulfilment;
    }

    @Override
    public void notify(DelegateExecution execution) {
        String reference = (String) execution.getVariable(DsarProcess.REQUEST_REFERENCE);
        int index = (Integer) execution.getVariable("loopCounter");
        execution.setVariableLocal(DsarProcess.CUSTODIAN_TASK, fulfilment.awaitingCustodians(reference).get(index));
    }
}
