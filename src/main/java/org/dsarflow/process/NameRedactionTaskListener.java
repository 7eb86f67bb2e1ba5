package org.dsarflow.process;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.dsarflow.fulfilment.FulfilmentService;

/**
 * Names each {@code confirmRedaction} instance after its holding ("studyKey/holdingKey"), as
 * {@link NameCustodianTaskListener} does for custodians: instance n takes the n-th held-back copy.
 */
@ApplicationScoped
@Named("nameRedactionTask")
public class NameRedactionTaskListener implements ExecutionListener {

    private final FulfilmentService fulfilment;

    NameRedactionTaskListener(FulfilmentService fulfilment) {
        this.fulfilment = fulfilment;
    }

    @Override
    public void notify(DelegateExecution execution) {
        String reference = (String) execution.getVariable(DsarProcess.REQUEST_REFERENCE);
        int index = (Integer) execution.getVariable("loopCounter");
        execution.setVariableLocal(DsarProcess.REDACTION_TASK, fulfilment.awaitingRedaction(reference).get(index));
    }
}
