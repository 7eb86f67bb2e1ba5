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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.dsarflow.shared.Problem;
import org.dsarflow.shared.ProblemMapper;

/** What the DPO does when a request's subject could not be located. */
@Tag(name = "Requests")
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

    @Operation(summary = "Add identifiers from the requester", description = "Ends a clarification pause and locates "
            + "the subject again with everything supplied so far.")
    @APIResponse(responseCode = "200", description = "The request with its new match")
    @APIResponse(responseCode = "400", ref = "InvalidInput")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", description = "The request is closed, or its subject was located already",
            content = @Content(mediaType = ProblemMapper.PROBLEM_JSON, schema = @Schema(implementation = Problem.class),
                    examples = {
                            @ExampleObject(name = "REQUEST_CLOSED", ref = "REQUEST_CLOSED"),
                            @ExampleObject(name = "NOT_AWAITING_IDENTIFIERS", ref = "NOT_AWAITING_IDENTIFIERS"),
                            @ExampleObject(name = "CONCURRENT_CHANGE", ref = "CONCURRENT_CHANGE")}))
    @POST
    @Path("/identifiers")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.DPO)
    public RequestView addIdentifiers(@Parameter(description = "The request's reference", example = "DSAR-2025-000042")
                                      @RestPath String reference, @NotNull @Valid IdentifiersBody body) {
        return views.of(locating.addIdentifiers(reference, body, identity.getPrincipal().getName()));
    }

    /** Closes the request as "we hold no data about you". */
    @Operation(summary = "Close as no data held", description = "Closes a request whose subject could not be "
            + "located: COMPLETED with outcome NO_DATA_HELD; the requester is told.")
    @APIResponse(responseCode = "200", description = "The request, COMPLETED")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", description = "The request is closed, or its subject was located",
            content = @Content(mediaType = ProblemMapper.PROBLEM_JSON, schema = @Schema(implementation = Problem.class),
                    examples = {
                            @ExampleObject(name = "REQUEST_CLOSED", ref = "REQUEST_CLOSED"),
                            @ExampleObject(name = "NOT_AWAITING_IDENTIFIERS", ref = "NOT_AWAITING_IDENTIFIERS"),
                            @ExampleObject(name = "CONCURRENT_CHANGE", ref = "CONCURRENT_CHANGE")}))
    @POST
    @Path("/no-data-held")
    @RolesAllowed(Roles.DPO)
    public RequestView noDataHeld(@Parameter(description = "The request's reference", example = "DSAR-2025-000042")
                                  @RestPath String reference) {
        return views.of(locating.closeNoDataHeld(reference, identity.getPrincipal().getName()));
    }
}
