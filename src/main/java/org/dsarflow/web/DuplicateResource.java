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
import org.dsarflow.repeat.DuplicateOfBody;
import org.dsarflow.repeat.DuplicateService;
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

/** The DPO closes a repeat request as a duplicate of an open one from the same person. */
@Tag(name = "Requests")
@Path("/api/requests/{reference}/duplicate-of")
@Produces(MediaType.APPLICATION_JSON)
public class DuplicateResource {

    private final DuplicateService duplicates;
    private final RequestViews views;
    private final SecurityIdentity identity;

    DuplicateResource(DuplicateService duplicates, RequestViews views, SecurityIdentity identity) {
        this.duplicates = duplicates;
        this.views = views;
        this.identity = identity;
    }

    @Operation(summary = "Close a request as a duplicate", description = "The DPO judges the request a duplicate of "
            + "the open request named in the body, from the same person (the two share a keyed hash of an email "
            + "address or identifiers): it closes with outcome DUPLICATE, its process ends, and the requester is told "
            + "by email which request answers theirs. Never done without the DPO.")
    @APIResponse(responseCode = "200", description = "The request, COMPLETED with outcome DUPLICATE")
    @APIResponse(responseCode = "400", ref = "InvalidInput", description = "No reference, or one naming no request")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", description = "The request is closed, or the other one is this one, is "
            + "closed, or comes from someone else",
            content = @Content(mediaType = ProblemMapper.PROBLEM_JSON, schema = @Schema(implementation = Problem.class),
                    examples = {
                            @ExampleObject(name = "REQUEST_CLOSED", ref = "REQUEST_CLOSED"),
                            @ExampleObject(name = "DUPLICATE_OF_ITSELF", ref = "DUPLICATE_OF_ITSELF"),
                            @ExampleObject(name = "ORIGINAL_CLOSED", ref = "ORIGINAL_CLOSED"),
                            @ExampleObject(name = "NOT_THE_SAME_PERSON", ref = "NOT_THE_SAME_PERSON"),
                            @ExampleObject(name = "PROCESS_PREDATES_DUPLICATE_CLOSE", ref = "PROCESS_PREDATES_DUPLICATE_CLOSE"),
                            @ExampleObject(name = "CONCURRENT_CHANGE", ref = "CONCURRENT_CHANGE")}))
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.DPO)
    public RequestView close(@Parameter(description = "The request's reference", example = "DSAR-2026-000043")
                             @RestPath String reference, @NotNull @Valid DuplicateOfBody body) {
        return views.of(duplicates.closeAsDuplicate(reference, body, identity.getPrincipal().getName()));
    }
}
