package org.dsarflow;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;

import java.util.List;

/**
 * The tests run the engine's jobs themselves (the job executor is off in the test profile), so emails and
 * timers happen exactly when a test says.
 */
public final class Jobs {

    private Jobs() {
    }

    /** The email jobs of {@code reference} that still have retries left. */
    public static List<Job> emails(RuntimeService runtime, ManagementService management, String reference) {
        return runtime.createProcessInstanceQuery().processDefinitionKey("dsar-email")
                .processInstanceBusinessKey(reference).list().stream()
                .map(ProcessInstance::getId)
                .flatMap(id -> management.createJobQuery().processInstanceId(id).withRetriesLeft().list().stream())
                .toList();
    }

    /** Runs each pending email job of {@code reference} once, due or not; answers how many failed. */
    public static int runEmails(RuntimeService runtime, ManagementService management, String reference) {
        int failed = 0;
        for (Job job : emails(runtime, management, reference)) {
            try {
                management.executeJob(job.getId());
            } catch (RuntimeException e) {
                failed++;
            }
        }
        return failed;
    }
}
