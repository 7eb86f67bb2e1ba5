package org.dsarflow.web;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.dsarflow.shared.Roles;
import org.dsarflow.view.IncidentDesk;
import org.dsarflow.view.RequestView;
import org.dsarflow.view.RequestViews;
import org.jboss.resteasy.reactive.RestPath;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The operator's retry of a request's failed step. */
@Tag(name = "Operating")
@Path("/api/requests/{reference}/incidents")
@Produces(MediaType.APPLICATION_JSON)
public class RequestIncidentResource {

    private final IncidentDesk incidents;
    private final RequestViews views;

    RequestIncidentResource(IncidentDesk incidents, RequestViews views) {
        this.incidents = incidents;
        this.views = views;
    }

    /** The failed step runs again (the job executor picks it up); answers the request as it now stands. */
    @Operation(summary = "Retry a failed step", description = "Gives the incident's failed job its retries back, so "
            + "the job executor runs it again; audited as INCIDENT_RETRIED. Answers the request as it now stands.")
    @APIResponse(responseCode = "200", description = "The request; the step runs again shortly")
    @APIResponse(responseCode = "404", ref = "NotFound",
            description = "Unknown request, or no such open incident of it")
    @POST
    @Path("/{incidentId}/retry")
    @RolesAllowed(Roles.DPO)
    public RequestView retry(@Parameter(description = "The request's reference", example = "DSAR-2025-000042")
                             @RestPath String reference,
                             @Parameter(description = "The incident's id, from GET /api/incidents or the request view")
                             @RestPath String incidentId) {
        return views.of(incidents.retry(reference, incidentId));
    }
}
