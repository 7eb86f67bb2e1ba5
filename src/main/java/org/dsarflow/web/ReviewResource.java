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
import org.dsarflow.decision.ReviewBody;
import org.dsarflow.decision.ReviewService;
import org.dsarflow.shared.Roles;
import org.dsarflow.view.RequestView;
import org.dsarflow.view.RequestViews;
import org.jboss.resteasy.reactive.RestPath;

@Path("/api/requests/{reference}/review")
@Produces(MediaType.APPLICATION_JSON)
public class ReviewResource {

    private final ReviewService reviews;
    private final RequestViews views;
    private final SecurityIdentity identity;

    ReviewResource(ReviewService reviews, RequestViews views, SecurityIdentity identity) {
        this.reviews = reviews;
        this.views = views;
        this.identity = identity;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.DPO)
    public RequestView review(@RestPath String reference, @NotNull @Valid ReviewBody body) {
        return views.of(reviews.review(reference, body, identity.getPrincipal().getName()));
    }
}
