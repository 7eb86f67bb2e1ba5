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
import org.dsarflow.deadline.ClockEventBody;
import org.dsarflow.deadline.RequestClockService;
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
@Path("/api/requests/{reference}/clock-events")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ClockEventResource {

    private final RequestClockService clocks;
    private final RequestViews views;
    private final SecurityIdentity identity;

    ClockEventResource(RequestClockService clocks, RequestViews views, SecurityIdentity identity) {
        this.clocks = clocks;
        this.views = views;
        this.identity = identity;
    }

    @Operation(summary = "Record a clock event", description = "Asking for ID, a fee or a representative's "
            + "authority (AUTHORITY_REQUESTED) stops the clock and a fresh month runs from the day it arrives (the "
            + "authority's arrival is recorded with POST /api/requests/{ref}/authority); a clarification pauses it and the paused days are added; one "
            + "extension to three months, with its reason, notified by the current deadline. The deadline is "
            + "recalculated at once.")
    @APIResponse(responseCode = "200", description = "The request with its clock and deadline as they now stand")
    @APIResponse(responseCode = "400", ref = "InvalidInput")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", description = "The clock or the request does not allow this event now",
            content = @Content(mediaType = ProblemMapper.PROBLEM_JSON, schema = @Schema(implementation = Problem.class),
                    examples = {
                            @ExampleObject(name = "REQUEST_CLOSED", ref = "REQUEST_CLOSED"),
                            @ExampleObject(name = "NOT_STOPPED_FOR_IDENTITY", ref = "NOT_STOPPED_FOR_IDENTITY"),
                            @ExampleObject(name = "NOT_STOPPED_FOR_FEE", ref = "NOT_STOPPED_FOR_FEE"),
                            @ExampleObject(name = "ALREADY_STOPPED_FOR_IDENTITY", ref = "ALREADY_STOPPED_FOR_IDENTITY"),
                            @ExampleObject(name = "ALREADY_STOPPED_FOR_FEE", ref = "ALREADY_STOPPED_FOR_FEE"),
                            @ExampleObject(name = "NOT_STOPPED_FOR_AUTHORITY", ref = "NOT_STOPPED_FOR_AUTHORITY"),
                            @ExampleObject(name = "ALREADY_STOPPED_FOR_AUTHORITY", ref = "ALREADY_STOPPED_FOR_AUTHORITY"),
                            @ExampleObject(name = "NO_AUTHORITY_NEEDED", ref = "NO_AUTHORITY_NEEDED"),
                            @ExampleObject(name = "NOT_PAUSED", ref = "NOT_PAUSED"),
                            @ExampleObject(name = "ALREADY_PAUSED", ref = "ALREADY_PAUSED"),
                            @ExampleObject(name = "CLOCK_STOPPED", ref = "CLOCK_STOPPED"),
                            @ExampleObject(name = "ALREADY_EXTENDED", ref = "ALREADY_EXTENDED"),
                            @ExampleObject(name = "EXTENSION_TOO_LATE", ref = "EXTENSION_TOO_LATE"),
                            @ExampleObject(name = "OUT_OF_ORDER", ref = "OUT_OF_ORDER"),
                            @ExampleObject(name = "CONCURRENT_CHANGE", ref = "CONCURRENT_CHANGE")}))
    @POST
    @RolesAllowed(Roles.DPO)
    public RequestView record(@Parameter(description = "The request's reference", example = "DSAR-2025-000042")
                              @RestPath String reference, @NotNull @Valid ClockEventBody body) {
        return views.of(clocks.recordClockEvent(reference, body, identity.getPrincipal().getName()));
    }
}
