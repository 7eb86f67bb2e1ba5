package org.dsarflow.web;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.dsarflow.shared.DsarConfig;
import org.dsarflow.shared.Roles;
import org.jboss.resteasy.reactive.RestQuery;
import org.dsarflow.view.Inbox;
import org.dsarflow.view.TaskPage;

import static org.dsarflow.shared.QueryParameters.page;
import static org.dsarflow.shared.QueryParameters.size;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Tag(name = "Requests")
@Path("/api/tasks")
@Produces(MediaType.APPLICATION_JSON)
public class TaskResource {

    private final Inbox inbox;
    private final DsarConfig config;

    TaskResource(Inbox inbox, DsarConfig config) {
        this.inbox = inbox;
        this.config = config;
    }

    @Operation(summary = "The DPO inbox", description = "Every open user task, and every incident (an email that "
            + "never went), with its request's deadline, dueSoon and overdue, soonest deadline first; kind COMPLAINT marks "
            + "an open complaint's investigation, due by its acknowledgement deadline.")
    @APIResponse(responseCode = "200", description = "One page of the inbox")
    @APIResponse(responseCode = "400", ref = "InvalidInput")
    @GET
    @RolesAllowed(Roles.DPO)
    public TaskPage open(@Parameter(description = "Page number, from 0", example = "0") @RestQuery String page,
                         @Parameter(description = "Page size, 1 to 200 (50 unless given)", example = "50")
                         @RestQuery String size) {
        return inbox.open(page(page, config.limits()), size(size, 50, config.limits()));
    }
}
