package org.dsarflow.intake;

import jakarta.enterprise.context.ApplicationScoped;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.ProcessInstance;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The engine's open incidents, by request reference: any process instance of a request (its own, or an
 * email about it) whose step failed after its last retry. Incidents are rare, so all open ones are read.
 */
@ApplicationScoped
public class Incidents {

    private final RuntimeService runtime;

    Incidents(RuntimeService runtime) {
        this.runtime = runtime;
    }

    public Map<String, List<RequestView.Incident>> of(Collection<String> references) {
        List<Incident> open = runtime.createIncidentQuery().list();
        if (open.isEmpty() || references.isEmpty()) {
            return Map.of();
        }
        Set<String> wanted = Set.copyOf(references);
        Map<String, String> referenceByInstance = runtime.createProcessInstanceQuery()
                .processInstanceIds(open.stream().map(Incident::getProcessInstanceId).collect(Collectors.toSet()))
                .list().stream()
                .filter(instance -> wanted.contains(instance.getBusinessKey()))
                .collect(Collectors.toMap(ProcessInstance::getId, ProcessInstance::getBusinessKey));
        return open.stream()
                .filter(incident -> referenceByInstance.containsKey(incident.getProcessInstanceId()))
                .collect(Collectors.groupingBy(incident -> referenceByInstance.get(incident.getProcessInstanceId()),
                        Collectors.mapping(incident -> new RequestView.Incident(incident.getActivityId(),
                                incident.getIncidentMessage(), incident.getIncidentTimestamp().toInstant()),
                                Collectors.toList())));
    }
}
