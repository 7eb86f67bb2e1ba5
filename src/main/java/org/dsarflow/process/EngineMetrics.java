package org.dsarflow.process;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;

/**
 * What the engine has waiting, read on each scrape with one count query each: dsar_incidents_open
 * (steps that failed after their last retry) and dsar_job_executor_backlog (jobs that could run now:
 * due, not suspended, with retries left). A backlog that keeps growing means the job executor is not
 * keeping up, or not running.
 */
@ApplicationScoped
public class EngineMetrics {

    void register(@Observes StartupEvent start, MeterRegistry registry, RuntimeService runtime,
                  ManagementService management) {
        Gauge.builder("dsar.incidents.open", runtime, engine -> engine.createIncidentQuery().count())
                .description("Open incidents: steps that failed after their last retry")
                .strongReference(true)
                .register(registry);
        Gauge.builder("dsar.job.executor.backlog", management,
                        engine -> engine.createJobQuery().executable().active().count())
                .description("Jobs the job executor could run now")
                .strongReference(true)
                .register(registry);
    }
}
