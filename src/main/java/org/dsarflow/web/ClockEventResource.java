package org.dsarflow.web;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.dsarflow.deadline.ClockEventBody;
import org.dsarflow.deadline.RequestClockService;
import org.dsarflow.shared.Roles;
import org.dsarflow.view.RequestView;
import org.dsarflow.view.RequestViews;
import org.jboss.resteasy.reactive.RestPath;

@Path("/api/requests/{reference}/clock-events")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ClockEventResource {

    private final RequestClockService clocks;
    private final RequestViews views;
    private final SecurityIdentity identity;

    ClockEventResource(RequestClockService clocks, RequestViews views, SecurityIdentity identity) {
        this.clocks = clocks;
        this.views = views;
        this.identity = identity;
    }

    @POST
    @RolesAllowed(Roles.DPO)
    public RequestView record(@RestPath String reference, @NotNull @Valid ClockEventBody body) {
        return views.of(clocks.recordClockEvent(reference, body, identity.getPrincipal().getName()));
    }
}
