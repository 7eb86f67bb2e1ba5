package org.dsarflow.web.page;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import org.dsarflow.complaint.ComplaintStatus;
import org.dsarflow.shared.Roles;
import org.dsarflow.view.ComplaintPage;
import org.dsarflow.view.ComplaintQueryService;
import org.jboss.resteasy.reactive.RestQuery;

import static org.dsarflow.shared.QueryParameters.bool;
import static org.dsarflow.shared.QueryParameters.enumValue;
import static org.dsarflow.shared.QueryParameters.integer;

/**
 * Every complaint, soonest acknowledgement due first, for the DPO and (without the complainant's details or
 * words, which the list does not show anyway) the auditor, with the filters of GET /api/complaints.
 */
@Path(WorkbenchPaths.ROOT + "/complaints")
public class ComplaintListPage {

    private static final int PAGE_SIZE = 50;

    private final Template complaints;
    private final ComplaintQueryService queries;
    private final Workbench workbench;
    private final SecurityIdentity identity;

    ComplaintListPage(@Location("pages/complaints.html") Template complaints, ComplaintQueryService queries,
                      Workbench workbench, SecurityIdentity identity) {
        this.complaints = complaints;
        this.queries = queries;
        this.workbench = workbench;
        this.identity = identity;
    }

    @GET
    @RolesAllowed({Roles.DPO, Roles.AUDITOR})
    @Produces(Workbench.HTML)
    public Response list(@RestQuery String status, @RestQuery String ackOverdue, @RestQuery String about,
                         @RestQuery String page) {
        int pageNumber = integer("page", page, 0, 0, Integer.MAX_VALUE);
        ComplaintQueryService.Filter filter = new ComplaintQueryService.Filter(
                enumValue("status", status, ComplaintStatus.class).orElse(null),
                bool("ackOverdue", ackOverdue).orElse(null),
                about == null || about.isBlank() ? null : about.strip(), pageNumber, PAGE_SIZE);
        ComplaintPage found = queries.list(filter, !identity.hasRole(Roles.DPO));
        return workbench.page(complaints.data("title", "Complaints")
                .data("complaints", found)
                .data("filter", filter)
                .data("statuses", ComplaintStatus.values())
                .data("previous", pageNumber > 0 ? pageNumber - 1 : null)
                .data("next", (long) (pageNumber + 1) * PAGE_SIZE < found.total() ? pageNumber + 1 : null));
    }
}
