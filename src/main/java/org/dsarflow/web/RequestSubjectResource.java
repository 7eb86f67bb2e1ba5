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
import org.dsarflow.shared.Roles;
import org.dsarflow.subject.IdentifiersBody;
import org.dsarflow.subject.LocateSubjectService;
import org.dsarflow.view.RequestView;
import org.dsarflow.view.RequestViews;
import org.jboss.resteasy.reactive.RestPath;

/** What the DPO does when a request's subject could not be located. */
@Path("/api/requests/{reference}")
@Produces(MediaType.APPLICATION_JSON)
public class RequestSubjectResource {

    private final LocateSubjectService locating;
    private final RequestViews views;
    private final SecurityIdentity identity;

    RequestSubjectResource(LocateSubjectService locating, RequestViews views, SecurityIdentity identity) {
        this.locating = locating;
        this.views = views;
        this.identity = identity;
    }

    @POST
    @Path("/identifiers")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.DPO)
    public RequestView addIdentifiers(@RestPath String reference, @NotNull @Valid IdentifiersBody body) {
        return views.of(locating.addIdentifiers(reference, body, identity.getPrincipal().getName()));
    }

    /** Closes the request as "we hold no data about you". */
    @POST
    @Path("/no-data-held")
    @RolesAllowed(Roles.DPO)
    public RequestView noDataHeld(@RestPath String reference) {
        return views.of(locating.closeNoDataHeld(reference, identity.getPrincipal().getName()));
    }
}
