package org.dsarflow.process;

import jakarta.enterprise.context.ApplicationScoped;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import java.util.ArrayList;
import java.util.List;

/**
 * Ready when the engine answers (the request and complaint processes are deployed) and its job executor runs, which
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
        List<String> missing = new ArrayList<>();
        try {
            for (String key : List.of(DsarProcess.KEY, ComplaintProcessModel.KEY)) {
                if (engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(key).count() == 0) {
                    missing.add(key);
                }
            }
        } catch (RuntimeException e) {
            return response.down().withData("engine", "no answer: " + e.getClass().getSimpleName()).build();
        }
        boolean deployed = missing.isEmpty();
        response.withData("engine", deployed ? "answers" : String.join(", ", missing) + " not deployed");
        ProcessEngineConfigurationImpl configuration =
                (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        JobExecutor executor = configuration.getJobExecutor();
        boolean running = executor != null && executor.isActive();
        String jobExecutor = !configuration.isJobExecutorActivate() ? DISABLED : running ? "active" : "not running";
        response.withData("jobExecutor", jobExecutor);
        return response.status(deployed && (running || !configuration.isJobExecutorActivate())).build();
    }
}
