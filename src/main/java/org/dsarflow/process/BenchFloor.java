package org.dsarflow.process;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.quarkus.engine.extension.event.CamundaEngineStartupEvent;
import org.dsarflow.bench.BenchProfile;
import org.dsarflow.bench.FloorRequested;

/**
 * The engine's floor for bench/run: a process that starts and waits in a user task, under the same
 * history settings as the request process. Deployed only under the bench profile.
 */
@ApplicationScoped
public class BenchFloor {

    static final String KEY = "bench-floor";
    static final String BPMN_RESOURCE = "bench/bench-floor.bpmn";

    private final RuntimeService runtime;

    BenchFloor(RuntimeService runtime) {
        this.runtime = runtime;
    }

    void deploy(@Observes CamundaEngineStartupEvent started, RepositoryService repository) {
        if (BenchProfile.active()) {
            repository.createDeployment().name(KEY).enableDuplicateFiltering(true)
                    .addClasspathResource(BPMN_RESOURCE).deploy();
        }
    }

    void start(@Observes FloorRequested requested) {
        runtime.startProcessInstanceByKey(KEY);
    }
}
