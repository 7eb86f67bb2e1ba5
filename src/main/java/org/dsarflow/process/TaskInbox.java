package org.dsarflow.process;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.dsarflow.intake.DsarRequest;
import org.dsarflow.intake.RequestView;
import org.dsarflow.intake.RequestViews;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The DPO inbox: the open user tasks of every request, each with its request's deadline. */
@ApplicationScoped
public class TaskInbox {

    private static final Comparator<InboxTask> BY_DEADLINE = Comparator
            .comparing(InboxTask::deadline, Comparator.nullsLast(Comparator.<LocalDate>naturalOrder()))
            .thenComparing(InboxTask::createdAt)
            .thenComparing(InboxTask::taskId);

    private final TaskService tasks;
    private final RuntimeService runtime;
    private final RequestViews views;

    TaskInbox(TaskService tasks, RuntimeService runtime, RequestViews views) {
        this.tasks = tasks;
        this.runtime = runtime;
        this.views = views;
    }

    @Transactional
    public TaskPage open(int page, int size) {
        List<InboxTask> inbox = new ArrayList<>(userTasks());
        inbox.addAll(incidents());
        inbox.sort(BY_DEADLINE);
        int from = (int) Math.min((long) page * size, inbox.size());
        return new TaskPage(inbox.subList(from, Math.min(from + size, inbox.size())), page, size, inbox.size());
    }

    /** Steps that failed after their last retry (an email that never went): an operator must act on them too. */
    private List<InboxTask> incidents() {
        List<Incident> open = runtime.createIncidentQuery().list();
        if (open.isEmpty()) {
            return List.of();
        }
        Map<String, String> references = runtime.createProcessInstanceQuery()
                .processInstanceIds(open.stream().map(Incident::getProcessInstanceId).collect(Collectors.toSet()))
                .list().stream()
                .collect(Collectors.toMap(ProcessInstance::getId, ProcessInstance::getBusinessKey));
        Map<String, RequestView> byReference = requests(references.values());
        return open.stream()
                .filter(incident -> byReference.containsKey(references.get(incident.getProcessInstanceId())))
                .map(incident -> {
                    RequestView request = byReference.get(references.get(incident.getProcessInstanceId()));
                    return new InboxTask(incident.getId(), request.reference(), incident.getActivityId(),
                            incident.getIncidentMessage(), null, incident.getIncidentTimestamp().toInstant(),
                            request.type(), request.status(), request.deadline(), request.dueSoon(), request.overdue());
                })
                .toList();
    }

    private List<InboxTask> userTasks() {
        List<Task> open = tasks.createTaskQuery().processDefinitionKey(DsarProcess.KEY).active().list();
        if (open.isEmpty()) {
            return List.of();
        }
        Set<String> instanceIds = open.stream().map(Task::getProcessInstanceId).collect(Collectors.toSet());
        Map<String, String> references = runtime.createProcessInstanceQuery()
                .processInstanceIds(instanceIds).list().stream()
                .collect(Collectors.toMap(ProcessInstance::getId, ProcessInstance::getBusinessKey));
        Map<String, Object> custodianTasks = runtime.createVariableInstanceQuery()
                .variableName(DsarProcess.CUSTODIAN_TASK)
                .executionIdIn(open.stream().map(Task::getExecutionId).toArray(String[]::new))
                .list().stream()
                .collect(Collectors.toMap(VariableInstance::getExecutionId, VariableInstance::getValue));
        Map<String, RequestView> byReference = requests(references.values());
        return open.stream()
                .filter(task -> byReference.containsKey(references.get(task.getProcessInstanceId())))
                .map(task -> {
                    RequestView request = byReference.get(references.get(task.getProcessInstanceId()));
                    return new InboxTask(task.getId(), request.reference(), task.getTaskDefinitionKey(), task.getName(),
                            (String) custodianTasks.get(task.getExecutionId()), task.getCreateTime().toInstant(),
                            request.type(), request.status(), request.deadline(), request.dueSoon(), request.overdue());
                })
                .toList();
    }

    private Map<String, RequestView> requests(Collection<String> references) {
        List<DsarRequest> requests = DsarRequest.list("reference in ?1", Set.copyOf(references));
        return views.of(requests).stream().collect(Collectors.toMap(RequestView::reference, Function.identity()));
    }
}
