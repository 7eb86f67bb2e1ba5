package org.dsarflow.process;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.dsarflow.audit.AuditLog;
import org.dsarflow.complaint.Complaint;
import org.dsarflow.intake.DsarRequest;
import org.dsarflow.shared.UnknownResourceException;
import org.dsarflow.view.IncidentDesk;
import org.dsarflow.view.RequestView;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The engine's open incidents, by request reference: any process instance of a request (its own, or an
 * email about it) whose step failed after its last retry. Incidents are rare, so all open ones are read.
 */
@ApplicationScoped
public class Incidents implements IncidentDesk {

    private final RuntimeService runtime;
    private final ManagementService management;
    private final AuditLog audit;

    Incidents(RuntimeService runtime, ManagementService management, AuditLog audit) {
        this.runtime = runtime;
        this.management = management;
        this.audit = audit;
    }

    @Override
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
                .sorted(Comparator.comparing(Open::at).thenComparing(Open::id))
                .toList();
    }

    @Override
    public Map<String, List<RequestView.Incident>> of(Collection<String> references) {
        Set<String> wanted = Set.copyOf(references);
        return open().stream()
                .filter(incident -> wanted.contains(incident.reference()))
                .collect(Collectors.groupingBy(Open::reference,
                        Collectors.mapping(Open::forRequest, Collectors.toList())));
    }

    /** A failed job's incident names the job; new retries make the job executor pick it up again. */
    @Override
    @Transactional
    public DsarRequest retry(String reference, String incidentId) {
        DsarRequest request = DsarRequest.require(reference);
        retryIncident(reference, incidentId, "Incident of request ");
        return request;
    }

    @Override
    @Transactional
    public Complaint retryComplaint(String reference, String incidentId) {
        Complaint complaint = Complaint.require(reference);
        retryIncident(reference, incidentId, "Incident of complaint ");
        return complaint;
    }

    private void retryIncident(String reference, String incidentId, String what) {
        Open incident = open().stream()
                .filter(candidate -> candidate.id().equals(incidentId) && candidate.reference().equals(reference))
                .findFirst()
                .orElseThrow(() -> new UnknownResourceException(what + reference, incidentId));
        Incident engineIncident = runtime.createIncidentQuery().incidentId(incidentId).singleResult();
        management.setJobRetries(engineIncident.getConfiguration(), 1);
        audit.record(reference, "INCIDENT_RETRIED", AuditLog.detail("activity", incident.activity(),
                "incident", incidentId));
    }
}
