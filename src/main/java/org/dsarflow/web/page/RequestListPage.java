package org.dsarflow.web.page;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import org.dsarflow.intake.RequestStatus;
import org.dsarflow.intake.RequestType;
import org.dsarflow.shared.Roles;
import org.dsarflow.view.RequestPage;
import org.dsarflow.view.RequestQueryService;
import org.jboss.resteasy.reactive.RestQuery;

import static org.dsarflow.shared.QueryParameters.bool;
import static org.dsarflow.shared.QueryParameters.enumValue;
import static org.dsarflow.shared.QueryParameters.integer;

/** Every request by deadline, for the DPO and (without who matched) the auditor, as GET /api/requests. */
@Path(WorkbenchPaths.ROOT + "/requests")
public class RequestListPage {

    private static final int PAGE_SIZE = 50;

    private final Template requests;
    private final RequestQueryService queries;
    private final Workbench workbench;
    private final SecurityIdentity identity;

    RequestListPage(@Location("pages/requests.html") Template requests, RequestQueryService queries,
                    Workbench workbench, SecurityIdentity identity) {
        this.requests = requests;
        this.queries = queries;
        this.workbench = workbench;
        this.identity = identity;
    }

    @GET
    @RolesAllowed({Roles.DPO, Roles.AUDITOR})
    @Produces(Workbench.HTML)
    public Response list(@RestQuery String status, @RestQuery String type, @RestQuery String overdue,
                         @RestQuery String page) {
        int pageNumber = integer("page", page, 0, 0, Integer.MAX_VALUE);
        RequestQueryService.Filter filter = new RequestQueryService.Filter(
                enumValue("status", status, RequestStatus.class).orElse(null),
                enumValue("type", type, RequestType.class).orElse(null), null,
                bool("overdue", overdue).orElse(null), null, pageNumber, PAGE_SIZE);
        RequestPage found = queries.list(filter, !identity.hasRole(Roles.DPO));
        return workbench.page(requests.data("title", "Requests")
                .data("requests", found)
                .data("filter", filter)
                .data("statuses", RequestStatus.values())
                .data("types", RequestType.values())
                .data("previous", pageNumber > 0 ? pageNumber - 1 : null)
                .data("next", (long) (pageNumber + 1) * PAGE_SIZE < found.total() ? pageNumber + 1 : null));
    }
}
