package org.dsarflow.process;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.quarkus.engine.extension.event.CamundaEngineStartupEvent;
import org.jboss.logging.Logger;

/**
 * Deploys the BPMN (requests, complaints) once the engine is up. Duplicate filtering makes a restart, or a second node,
 * reuse the deployed version unless the model changed.
 */
@ApplicationScoped
public class ProcessDeployment {

    private static final Logger LOG = Logger.getLogger(ProcessDeployment.class);

    void deploy(@Observes CamundaEngineStartupEvent started, RepositoryService repository, RuntimeService runtime) {
        Deployment deployment = repository.createDeployment()
                .name("dsarflow")
                .enableDuplicateFiltering(true)
                .addClasspathResource(DsarProcess.BPMN_RESOURCE)
                .addClasspathResource(ComplaintProcessModel.BPMN_RESOURCE)
                .deploy();
        LOG.infof("Process models %s and %s deployed (deployment %s)", DsarProcess.KEY, ComplaintProcessModel.KEY,
                deployment.getId());
        long legacy = runtime.createProcessInstanceQuery().processDefinitionKey(SendEmailDelegate.LEGACY_KEY).count();
        if (legacy > 0) {
            LOG.infof("%d emails of the retired %s process are still to go; they finish as before",
                    legacy, SendEmailDelegate.LEGACY_KEY);
        }
    }
}
