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

/** The operator's retry of a request's failed step. */
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
    @POST
    @Path("/{incidentId}/retry")
    @RolesAllowed(Roles.DPO)
    public RequestView retry(@RestPath String reference, @RestPath String incidentId) {
        return views.of(incidents.retry(reference, incidentId));
    }
}
