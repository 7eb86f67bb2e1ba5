package org.dsarflow.process;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.dsarflow.notification.DeadlineNotices;

/** {@code checkDeadline}: the daily deadline check, on the engine's clock (which tests control). */
@ApplicationScoped
@Named("checkDeadline")
public class CheckDeadlineDelegate implements JavaDelegate {

    private final DeadlineNotices notices;

    CheckDeadlineDelegate(DeadlineNotices notices) {
        this.notices = notices;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String reference = (String) execution.getVariable(DsarProcess.REQUEST_REFERENCE);
        execution.setVariableLocal(DsarProcess.DEADLINE_CHECK,
                notices.check(reference, ClockUtil.getCurrentTime().toInstant()).name());
    }
}
