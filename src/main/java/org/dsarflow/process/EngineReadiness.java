package org.dsarflow.process;

import jakarta.enterprise.context.ApplicationScoped;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready when the engine answers (the request process is deployed) and its job executor runs, which
 * sends the emails and fires the timers. The test profile switches the executor off, as the tests run
 * the jobs themselves: that is reported, and is no reason to be out of rotation.
 */
@Readiness
@ApplicationScoped
public class EngineReadiness implements HealthCheck {

    static final String NAME = "Process engine";
    static final String DISABLED = "disabled by configuration";

    private final ProcessEngine engine;

    EngineReadiness(ProcessEngine engine) {
        this.engine = engine;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME);
        long deployed;
        try {
            deployed = engine.getRepositoryService().createProcessDefinitionQuery()
                    .processDefinitionKey(DsarProcess.KEY).count();
        } catch (RuntimeException e) {
            return response.down().withData("engine", "no answer: " + e.getClass().getSimpleName()).build();
        }
        response.withData("engine", deployed > 0 ? "answers" : DsarProcess.KEY + " not deployed");
        ProcessEngineConfigurationImpl configuration =
                (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        JobExecutor executor = configuration.getJobExecutor();
        boolean running = executor != null && executor.isActive();
        String jobExecutor = !configuration.isJobExecutorActivate() ? DISABLED : running ? "active" : "not running";
        response.withData("jobExecutor", jobExecutor);
        return response.status(deployed > 0 && (running || !configuration.isJobExecutorActivate())).build();
    }
}
