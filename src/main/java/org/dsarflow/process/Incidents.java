package org.dsarflow.process;

import jakarta.enterprise.context.ApplicationScoped;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.dsarflow.view.OpenIncidents;
import org.dsarflow.view.RequestView;

import java.time.Instant;
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
public class Incidents implements OpenIncidents {

    private final RuntimeService runtime;

    Incidents(RuntimeService runtime) {
        this.runtime = runtime;
    }

    /** One open incident and the request its process instance belongs to. */
    public record Open(String id, String reference, String activity, String message, Instant at) {
    }

    public List<Open> open() {
        List<Incident> open = runtime.createIncidentQuery().list();
        if (open.isEmpty()) {
            return List.of();
        }
        Map<String, String> referenceByInstance = runtime.createProcessInstanceQuery()
                .processInstanceIds(open.stream().map(Incident::getProcessInstanceId).collect(Collectors.toSet()))
                .list().stream()
                .collect(Collectors.toMap(ProcessInstance::getId, ProcessInstance::getBusinessKey));
        return open.stream()
                .filter(incident -> referenceByInstance.containsKey(incident.getProcessInstanceId()))
                .map(incident -> new Open(incident.getId(), referenceByInstance.get(incident.getProcessInstanceId()),
                        incident.getActivityId(), incident.getIncidentMessage(),
                        incident.getIncidentTimestamp().toInstant()))
                .toList();
    }

    @Override
    public Map<String, List<RequestView.Incident>> of(Collection<String> references) {
        Set<String> wanted = Set.copyOf(references);
        return open().stream()
                .filter(incident -> wanted.contains(incident.reference()))
                .collect(Collectors.groupingBy(Open::reference, Collectors.mapping(
                        incident -> new RequestView.Incident(incident.activity(), incident.message(), incident.at()),
                        Collectors.toList())));
    }
}
