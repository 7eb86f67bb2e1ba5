package org.dsarflow.web;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.dsarflow.shared.Roles;
import org.dsarflow.view.ProcessHistory;
import org.jboss.resteasy.reactive.RestPath;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** The steps a request's process has taken, for the diagram: activity ids and times only. */
@Tag(name = "Operating")
@Path("/api/requests/{reference}/process")
@Produces(MediaType.APPLICATION_JSON)
public class ProcessResource {

    private final ProcessHistory history;

    ProcessResource(ProcessHistory history) {
        this.history = history;
    }

    @Operation(summary = "A request's process steps", description = "The activity instances of the request's "
            + "dsar-request process from the engine's history, in the order they started, with start and end (no end "
            + "while current): what the diagram marks. Activity ids and times only.")
    @APIResponse(responseCode = "200", description = "The steps; empty when the request has no process history")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @GET
    @RolesAllowed({Roles.DPO, Roles.AUDITOR})
    public List<ProcessHistory.Step> steps(@Parameter(description = "The request's reference",
                                                      example = "DSAR-2025-000042")
                                           @RestPath String reference) {
        return history.of(reference);
    }
}
