package org.dsarflow.web;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.dsarflow.shared.Roles;
import org.jboss.resteasy.reactive.RestQuery;
import org.dsarflow.view.Inbox;
import org.dsarflow.view.TaskPage;

import static org.dsarflow.shared.QueryParameters.integer;

@Path("/api/tasks")
@Produces(MediaType.APPLICATION_JSON)
public class TaskResource {

    private final Inbox inbox;

    TaskResource(Inbox inbox) {
        this.inbox = inbox;
    }

    @GET
    @RolesAllowed(Roles.DPO)
    public TaskPage open(@RestQuery String page, @RestQuery String size) {
        return inbox.open(integer("page", page, 0, 0, Integer.MAX_VALUE), integer("size", size, 50, 1, 200));
    }
}
