package org.dsarflow.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;

/**
 * What an email step's emails are recorded as sent on, so a retry skips those that went: the step's job. The job
 * is the same on every retry, while its execution is not: once a parallel branch ends, the engine folds the other
 * branch's execution into its parent and hands the parent the job (the acknowledgement, when a request is closed
 * as no data held before it went).
 */
final class EmailOccasion {

    private EmailOccasion() {
    }

    static String of(DelegateExecution execution) {
        JobEntity job = Context.getCommandContext().getCurrentJob();
        return job == null ? execution.getId() : job.getId();
    }
}
