package org.dsarflow.process;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.dsarflow.complaint.Complaint;
import org.dsarflow.deadline.CalendarService;
import org.dsarflow.intake.DsarRequest;
import org.dsarflow.shared.DsarConfig;
import org.dsarflow.subject.Study;
import org.dsarflow.view.IncidentDesk;
import org.dsarflow.view.Inbox;
import org.dsarflow.view.InboxTask;
import org.dsarflow.view.RequestViews;
import org.dsarflow.view.TaskPage;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The DPO inbox: the open user tasks and incidents of every request, each with its request's deadline, and each
 * open complaint's investigation (and incidents) with its acknowledgement due date.
 */
@ApplicationScoped
public class TaskInbox implements Inbox {

    private static final Comparator<InboxTask> BY_DEADLINE = Comparator
            .comparing(InboxTask::deadline, Comparator.nullsLast(Comparator.<LocalDate>naturalOrder()))
            .thenComparing(InboxTask::createdAt)
            .thenComparing(InboxTask::taskId);

    private final TaskService tasks;
    private final RuntimeService runtime;
    private final RequestViews views;
    private final Incidents incidents;
    private final CalendarService calendars;
    private final DsarConfig config;
    private final Clock clock;

    TaskInbox(TaskService tasks, RuntimeService runtime, RequestViews views, Incidents incidents,
              CalendarService calendars, DsarConfig config, Clock clock) {
        this.tasks = tasks;
        this.runtime = runtime;
        this.views = views;
        this.incidents = incidents;
        this.calendars = calendars;
        this.config = config;
        this.clock = clock;
    }

    /** Open user tasks and incidents, each with its request's deadline; tasks, incidents and requests read once each. */
    @Override
    @Transactional
    public TaskPage open(Inbox.Filter filter, int page, int size) {
        if (filter.studyKey() != null) {
            Study.requireKnown("studyKey", filter.studyKey());
        }
        List<Task> open = new ArrayList<>(filter.keepsRequests()
                ? tasks.createTaskQuery().processDefinitionKey(DsarProcess.KEY).active().list() : List.of());
        boolean withComplaints = filter.keepsComplaints();
        if (withComplaints) {
            open.addAll(tasks.createTaskQuery().processDefinitionKey(ComplaintProcessModel.KEY)
                    .taskDefinitionKey(ComplaintProcessModel.INVESTIGATE).active().list());
        }
        Map<String, String> references = open.isEmpty() ? Map.of() : runtime.createProcessInstanceQuery()
                .processInstanceIds(open.stream().map(Task::getProcessInstanceId).collect(Collectors.toSet()))
                .list().stream()
                .collect(Collectors.toMap(ProcessInstance::getId, ProcessInstance::getBusinessKey));
        Map<String, VariableInstance> holdingTasks = open.isEmpty() ? Map.of() : runtime.createVariableInstanceQuery()
                .variableNameIn(DsarProcess.CUSTODIAN_TASK, DsarProcess.REDACTION_TASK)
                .executionIdIn(open.stream().map(Task::getExecutionId).toArray(String[]::new))
                .list().stream()
                .collect(Collectors.toMap(VariableInstance::getExecutionId, Function.identity()));
        // Steps that failed after their last retry (an email that never went): an operator must act on them too.
        List<IncidentDesk.Open> failed = incidents.open();
        Set<String> wanted = new HashSet<>(references.values());
        failed.forEach(incident -> wanted.add(incident.reference()));
        Map<String, Deadlined> byReference = filter.keepsRequests() ? requests(wanted, filter) : Map.of();
        Map<String, Complaint> complaints = withComplaints ? complaints(wanted) : Map.of();

        List<InboxTask> inbox = new ArrayList<>();
        for (Task task : open) {
            Deadlined request = byReference.get(references.get(task.getProcessInstanceId()));
            if (request != null) {
                VariableInstance holding = holdingTasks.get(task.getExecutionId());
                inbox.add(request.task(task.getId(), task.getTaskDefinitionKey(), task.getName(),
                        holdingOf(holding, DsarProcess.CUSTODIAN_TASK), holdingOf(holding, DsarProcess.REDACTION_TASK),
                        task.getCreateTime().toInstant(), false));
            }
            Complaint complaint = complaints.get(references.get(task.getProcessInstanceId()));
            if (complaint != null) {
                inbox.add(complaintTask(complaint, task.getId(), task.getTaskDefinitionKey(), task.getName(),
                        task.getCreateTime().toInstant(), false));
            }
        }
        for (IncidentDesk.Open incident : failed) {
            Deadlined request = byReference.get(incident.reference());
            if (request != null) {
                inbox.add(request.task(incident.id(), incident.activity(), incident.message(), null, null,
                        incident.at(), true));
            }
            Complaint complaint = complaints.get(incident.reference());
            if (complaint != null) {
                inbox.add(complaintTask(complaint, incident.id(), incident.activity(), incident.message(),
                        incident.at(), true));
            }
        }
        inbox.sort(BY_DEADLINE);
        int from = (int) Math.min((long) page * size, inbox.size());
        return new TaskPage(inbox.subList(from, Math.min(from + size, inbox.size())), page, size, inbox.size());
    }

    private static String holdingOf(VariableInstance variable, String name) {
        return variable != null && variable.getName().equals(name) ? (String) variable.getValue() : null;
    }

    /** A request of the inbox and its deadline as it stands today. */
    private record Deadlined(DsarRequest request, RequestViews.Due due) {

        InboxTask task(String id, String activity, String name, String custodianTask, String redactionTask,
                       Instant createdAt, boolean incident) {
            String note = DsarProcess.ASK_FOR_IDENTIFIERS.equals(activity)
                    ? due.regime().clarificationNote(request.type) : null;
            return new InboxTask(id, request.reference, activity, name, custodianTask, createdAt, request.type,
                    request.status, due.deadline(), due.dueSoon(), due.overdue(), incident, due.clock(), note,
                    redactionTask, InboxTask.Kind.REQUEST, null);
        }
    }

    /**
     * A complaint's task, due by its acknowledgement deadline: overdue or due soon (by the requests' working-day
     * rule) only while the acknowledgement has still to go, since that is what the DPO acts to.
     */
    private InboxTask complaintTask(Complaint complaint, String id, String activity, String name, Instant createdAt,
                                    boolean incident) {
        LocalDate today = LocalDate.now(clock);
        LocalDate due = complaint.acknowledgementDue;
        boolean pending = !complaint.isClosed() && complaint.acknowledgedOn == null && due != null;
        boolean overdue = pending && today.isAfter(due);
        boolean dueSoon = pending && !overdue
                && calendars.calendar().workingDaysAfter(today, due) <= config.dueSoonWorkingDays();
        return new InboxTask(id, complaint.reference, activity, name, null, createdAt, null, null, due, dueSoon,
                overdue, incident, null, null, null, InboxTask.Kind.COMPLAINT, complaint.status);
    }

    /** The open complaints of these references. */
    private static Map<String, Complaint> complaints(Collection<String> references) {
        return Complaint.<Complaint>list("reference in ?1", Set.copyOf(references)).stream()
                .filter(c -> !c.isClosed())
                .collect(Collectors.toMap(c -> c.reference, Function.identity()));
    }

    /** The requests of these references that the filter keeps: a task of any other is left out of the inbox. */
    private Map<String, Deadlined> requests(Collection<String> references, Inbox.Filter filter) {
        List<DsarRequest> requests = DsarRequest.<DsarRequest>list("reference in ?1", Set.copyOf(references)).stream()
                .filter(r -> filter.status() == null || r.status == filter.status())
                .filter(r -> filter.type() == null || r.type == filter.type())
                .filter(r -> filter.studyKey() == null || r.studyKeys.contains(filter.studyKey()))
                .toList();
        Map<Long, RequestViews.Due> due = views.due(requests);
        return requests.stream().collect(Collectors.toMap(r -> r.reference, r -> new Deadlined(r, due.get(r.id))));
    }
}
