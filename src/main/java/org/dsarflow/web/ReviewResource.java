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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.dsarflow.shared.Problem;
import org.dsarflow.shared.ProblemMapper;

@Tag(name = "Requests")
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

    @Operation(summary = "Review the proposed decision", description = "Approve the proposed actions, amend some "
            + "with a justification (needed to keep data the requester asked to erase), or refuse the request as "
            + "manifestly unfounded or excessive with the reason (or, for a request made for someone else, as made "
            + "without authority to act). A child's request needs the DPO's childJudgement: whether the child is "
            + "competent, whether a competent child agreed to the representative acting, and whom the response goes "
            + "to. A request made for someone else is approved only once its authority is recorded. Approved actions are carried out at once; external "
            + "holdings wait for their custodians.")
    @APIResponse(responseCode = "200", description = "The request with its decision reviewed and what was carried out")
    @APIResponse(responseCode = "400", ref = "InvalidInput")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409",
            description = "No decision awaits review, the clock is not running, a representative's authority is not "
                    + "recorded, or the request is closed",
            content = @Content(mediaType = ProblemMapper.PROBLEM_JSON, schema = @Schema(implementation = Problem.class),
                    examples = {
                            @ExampleObject(name = "REQUEST_CLOSED", ref = "REQUEST_CLOSED"),
                            @ExampleObject(name = "NOT_AWAITING_REVIEW", ref = "NOT_AWAITING_REVIEW"),
                            @ExampleObject(name = "CLOCK_NOT_RUNNING", ref = "CLOCK_NOT_RUNNING"),
                            @ExampleObject(name = "AUTHORITY_MISSING", ref = "AUTHORITY_MISSING"),
                            @ExampleObject(name = "CONCURRENT_CHANGE", ref = "CONCURRENT_CHANGE")}))
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.DPO)
    public RequestView review(@Parameter(description = "The request's reference", example = "DSAR-2025-000042")
                              @RestPath String reference, @NotNull @Valid ReviewBody body) {
        return views.of(reviews.review(reference, body, identity.getPrincipal().getName()));
    }
}
