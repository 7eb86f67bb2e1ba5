package org.dsarflow.process;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.dsarflow.subject.LocateSubjectService;

/** {@code locateSubject}: finds the person in the registry; the outcome routes the process. */
@ApplicationScoped
@Named("locateSubject")
public class LocateSubjectDelegate implements JavaDelegate {

    private final LocateSubjectService locating;

    LocateSubjectDelegate(LocateSubjectService locating) {
        this.locating = locating;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String reference = (String) execution.getVariable(DsarProcess.REQUEST_REFERENCE);
        execution.setVariable(DsarProcess.MATCH_STATUS, locating.locate(reference).name());
    }
}
