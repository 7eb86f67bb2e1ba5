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
import org.dsarflow.intake.AuthorityBody;
import org.dsarflow.intake.AuthorityService;
import org.dsarflow.shared.Problem;
import org.dsarflow.shared.ProblemMapper;
import org.dsarflow.shared.Roles;
import org.dsarflow.view.RequestView;
import org.dsarflow.view.RequestViews;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

@Tag(name = "Requests")
@Path("/api/requests/{reference}/authority")
@Produces(MediaType.APPLICATION_JSON)
public class AuthorityResource {

    private final AuthorityService authorities;
    private final RequestViews views;
    private final SecurityIdentity identity;

    AuthorityResource(AuthorityService authorities, RequestViews views, SecurityIdentity identity) {
        this.authorities = authorities;
        this.views = views;
        this.identity = identity;
    }

    @Operation(summary = "Record a representative's authority", description = "The evidence that the requester "
            + "may act for the data subject, and the day it arrived. Until it is recorded the review cannot approve "
            + "(409 AUTHORITY_MISSING); where the clock was stopped for it (AUTHORITY_REQUESTED), a fresh month runs "
            + "from receivedOn. The same authority again is answered unchanged.")
    @APIResponse(responseCode = "200", description = "The request with its authority recorded")
    @APIResponse(responseCode = "400", ref = "InvalidInput")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409",
            description = "The subject made the request, other authority is recorded, or the request is closed",
            content = @Content(mediaType = ProblemMapper.PROBLEM_JSON, schema = @Schema(implementation = Problem.class),
                    examples = {
                            @ExampleObject(name = "NOT_MADE_ON_BEHALF", ref = "NOT_MADE_ON_BEHALF"),
                            @ExampleObject(name = "AUTHORITY_ALREADY_RECORDED", ref = "AUTHORITY_ALREADY_RECORDED"),
                            @ExampleObject(name = "OUT_OF_ORDER", ref = "OUT_OF_ORDER"),
                            @ExampleObject(name = "REQUEST_CLOSED", ref = "REQUEST_CLOSED"),
                            @ExampleObject(name = "CONCURRENT_CHANGE", ref = "CONCURRENT_CHANGE")}))
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.DPO)
    public RequestView record(@Parameter(description = "The request's reference", example = "DSAR-2025-000042")
                              @RestPath String reference, @NotNull @Valid AuthorityBody body) {
        return views.of(authorities.record(reference, body, identity.getPrincipal().getName()));
    }
}
