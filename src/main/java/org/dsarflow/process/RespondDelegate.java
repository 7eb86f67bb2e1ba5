package org.dsarflow.process;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.dsarflow.fulfilment.FulfilmentService;

/** {@code respond}: closes the request as completed or refused. */
@ApplicationScoped
@Named("respond")
public class RespondDelegate implements JavaDelegate {

    private final FulfilmentService fulfilment;

    RespondDelegate(FulfilmentService fulfilment) {
        this.fulfilment = fulfilment;
    }

    @Override
    public void execute(DelegateExecution execution) {
        fulfilment.respond((String) execution.getVariable(DsarProcess.REQUEST_REFERENCE));
    }
}
