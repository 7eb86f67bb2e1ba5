package org.dsarflow.deadline;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.dsarflow.intake.RequestView;
import org.dsarflow.shared.Roles;
import org.jboss.resteasy.reactive.RestPath;

@Path("/api/requests/{reference}/clock-events")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ClockEventResource {

    private final RequestClockService clocks;
    private final SecurityIdentity identity;

    ClockEventResource(RequestClockService clocks, SecurityIdentity identity) {
        this.clocks = clocks;
        this.identity = identity;
    }

    @POST
    @RolesAllowed(Roles.DPO)
    public RequestView record(@RestPath String reference, @NotNull @Valid ClockEventBody body) {
        return clocks.recordClockEvent(reference, body, identity.getPrincipal().getName());
    }
}
