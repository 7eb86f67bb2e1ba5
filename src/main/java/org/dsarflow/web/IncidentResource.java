package org.dsarflow.web;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.dsarflow.shared.Roles;
import org.dsarflow.view.IncidentDesk;

import java.util.List;

/** Steps that failed after their last retry (an email that never went), across every request. */
@Path("/api/incidents")
@Produces(MediaType.APPLICATION_JSON)
public class IncidentResource {

    private final IncidentDesk incidents;

    IncidentResource(IncidentDesk incidents) {
        this.incidents = incidents;
    }

    @GET
    @RolesAllowed({Roles.DPO, Roles.AUDITOR})
    public List<IncidentDesk.Open> open() {
        return incidents.open();
    }
}
