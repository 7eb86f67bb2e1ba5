package org.dsarflow.web.page;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import org.dsarflow.intake.RequestStatus;
import org.dsarflow.intake.RequestType;
import org.dsarflow.shared.Roles;
import org.dsarflow.subject.StudyService;
import org.dsarflow.view.ComplaintQueryService;
import org.dsarflow.view.Inbox;
import org.dsarflow.view.InboxTask;
import org.dsarflow.view.RequestQueryService;
import org.dsarflow.view.TaskPage;
import org.jboss.resteasy.reactive.RestQuery;

import static org.dsarflow.shared.QueryParameters.enumValue;
import static org.dsarflow.shared.QueryParameters.integer;

/**
 * The DPO's inbox: every open task and incident of requests and complaints, soonest deadline first (a
 * complaint's is its acknowledgement due date), with how many requests are overdue and how many complaints
 * have not been acknowledged in time.
 */
@Path(WorkbenchPaths.ROOT + "/inbox")
public class InboxPage {

    private static final int PAGE_SIZE = 50;

    private final Template inboxTemplate;
    private final Inbox inbox;
    private final RequestQueryService queries;
    private final ComplaintQueryService complaints;
    private final StudyService studies;
    private final Workbench workbench;

    InboxPage(@Location("pages/inbox.html") Template inboxTemplate, Inbox inbox, RequestQueryService queries,
              ComplaintQueryService complaints, StudyService studies, Workbench workbench) {
        this.inboxTemplate = inboxTemplate;
        this.inbox = inbox;
        this.queries = queries;
        this.complaints = complaints;
        this.studies = studies;
        this.workbench = workbench;
    }

    @GET
    @RolesAllowed(Roles.DPO)
    @Produces(Workbench.HTML)
    public Response inbox(@RestQuery String kind, @RestQuery String status, @RestQuery String type,
                          @RestQuery String studyKey, @RestQuery String page) {
        Inbox.Filter filter = new Inbox.Filter(enumValue("kind", kind, InboxTask.Kind.class).orElse(null),
                enumValue("status", status, RequestStatus.class).orElse(null),
                enumValue("type", type, RequestType.class).orElse(null),
                studyKey == null || studyKey.isBlank() ? null : studyKey.strip());
        int pageNumber = integer("page", page, 0, 0, Integer.MAX_VALUE);
        TaskPage tasks = inbox.open(filter, pageNumber, PAGE_SIZE);
        long overdue = queries.list(new RequestQueryService.Filter(null, null, null, true, null, 0, 1), false).total();
        long complaintsOverdue = complaints.list(new ComplaintQueryService.Filter(null, true, null, 0, 1), false).total();
        return workbench.page(inboxTemplate.data("title", "Inbox")
                .data("tasks", tasks)
                .data("overdue", overdue)
                .data("complaintsOverdue", complaintsOverdue)
                .data("filter", filter)
                .data("kinds", InboxTask.Kind.values())
                .data("statuses", RequestStatus.values())
                .data("types", RequestType.values())
                .data("studies", studies.list())
                .data("previous", pageNumber > 0 ? pageNumber - 1 : null)
                .data("next", (long) (pageNumber + 1) * PAGE_SIZE < tasks.total() ? pageNumber + 1 : null));
    }
}
