package org.dsarflow.decision;

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

@Path("/api/requests/{reference}/review")
@Produces(MediaType.APPLICATION_JSON)
public class ReviewResource {

    private final ReviewService reviews;
    private final SecurityIdentity identity;

    ReviewResource(ReviewService reviews, SecurityIdentity identity) {
        this.reviews = reviews;
        this.identity = identity;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.DPO)
    public RequestView review(@RestPath String reference, @NotNull @Valid ReviewBody body) {
        return reviews.review(reference, body, identity.getPrincipal().getName());
    }
}
