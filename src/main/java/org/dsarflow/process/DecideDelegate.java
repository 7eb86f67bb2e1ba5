package org.dsarflow.process;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.dsarflow.decision.DecisionService;

/** {@code decide}: the analysis-phase check proposes the actions the DPO reviews. */
@ApplicationScoped
@Named("decide")
public class DecideDelegate implements JavaDelegate {

    private final DecisionService decisions;

    DecideDelegate(DecisionService decisions) {
        this.decisions = decisions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        decisions.decide((String) execution.getVariable(DsarProcess.REQUEST_REFERENCE));
    }
}
