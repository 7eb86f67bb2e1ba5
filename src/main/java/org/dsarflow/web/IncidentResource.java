package org.dsarflow.web;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.dsarflow.shared.Roles;
import org.dsarflow.view.IncidentDesk;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** Steps that failed after their last retry (an email that never went), across every request. */
@Tag(name = "Operating")
@Path("/api/incidents")
@Produces(MediaType.APPLICATION_JSON)
public class IncidentResource {

    private final IncidentDesk incidents;

    IncidentResource(IncidentDesk incidents) {
        this.incidents = incidents;
    }

    @Operation(summary = "Open incidents", description = "Steps of any request's processes (an email, say) that "
            + "failed after their last retry and wait for an operator, oldest first.")
    @APIResponse(responseCode = "200", description = "The open incidents")
    @GET
    @RolesAllowed({Roles.DPO, Roles.AUDITOR})
    public List<IncidentDesk.Open> open() {
        return incidents.open();
    }
}
