package org.dsarflow.web;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.dsarflow.intake.CancelBody;
import org.dsarflow.intake.LogRequestBody;
import org.dsarflow.intake.RequestIntakeService;
import org.dsarflow.intake.RequestStatus;
import org.dsarflow.intake.RequestType;
import org.dsarflow.shared.DsarConfig;
import org.dsarflow.shared.Roles;
import org.dsarflow.view.RequestPage;
import org.dsarflow.view.RequestQueryService;
import org.dsarflow.view.RequestView;
import org.dsarflow.view.RequestViews;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import static org.dsarflow.shared.QueryParameters.bool;
import static org.dsarflow.shared.QueryParameters.date;
import static org.dsarflow.shared.QueryParameters.enumValue;
import static org.dsarflow.shared.QueryParameters.page;
import static org.dsarflow.shared.QueryParameters.size;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.dsarflow.shared.Problem;
import org.dsarflow.shared.ProblemMapper;

@Tag(name = "Requests")
@Path("/api/requests")
@Produces(MediaType.APPLICATION_JSON)
public class RequestResource {

    private final RequestIntakeService intake;
    private final RequestQueryService queries;
    private final RequestViews views;
    private final SecurityIdentity identity;
    private final DsarConfig config;

    RequestResource(RequestIntakeService intake, RequestQueryService queries, RequestViews views,
                    SecurityIdentity identity, DsarConfig config) {
        this.config = config;
        this.intake = intake;
        this.queries = queries;
        this.views = views;
        this.identity = identity;
    }

    @Operation(summary = "Log a request", description = "Logs a request that arrived by any channel and starts its "
            + "process. The reference is DSAR-<year>-<6 digits>. With an Idempotency-Key, a retry of the same body "
            + "answers the request the first attempt logged (200), even when both arrive at once.")
    @APIResponse(responseCode = "201", description = "Logged; Location names the new request",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = RequestView.class)))
    @APIResponse(responseCode = "200", description = "A replay: the request logged earlier under this Idempotency-Key",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = RequestView.class)))
    @APIResponse(responseCode = "400", ref = "InvalidInput")
    @APIResponse(responseCode = "409", description = "The Idempotency-Key was used for a different body",
            content = @Content(mediaType = ProblemMapper.PROBLEM_JSON, schema = @Schema(implementation = Problem.class),
                    examples = {
                            @ExampleObject(name = "IDEMPOTENCY_KEY_REUSED", ref = "IDEMPOTENCY_KEY_REUSED"),
                            @ExampleObject(name = "CONCURRENT_CHANGE", ref = "CONCURRENT_CHANGE")}))
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.DPO)
    public Response log(@NotNull @Valid LogRequestBody body,
                        @Parameter(description = "Makes retries safe: the same key and body log one request",
                                example = "mailbox-4711")
                        @RestHeader(RequestIntakeService.IDEMPOTENCY_KEY) String idempotencyKey,
                        UriInfo uri) {
        RequestIntakeService.Logged logged = intake.log(body, idempotencyKey, actor());
        RequestView view = views.of(logged.request());
        Response.ResponseBuilder response = logged.replayed() ? Response.ok() : Response.status(Response.Status.CREATED);
        return response.location(uri.getAbsolutePathBuilder().path(view.reference()).build())
                .entity(view)
                .build();
    }

    @Operation(summary = "List requests by deadline", description = "Soonest deadline first, stopped clocks last. "
            + "Auditors see no matched records.")
    @APIResponse(responseCode = "200", description = "One page of requests")
    @APIResponse(responseCode = "400", ref = "InvalidInput")
    @GET
    @RolesAllowed({Roles.DPO, Roles.AUDITOR})
    public RequestPage list(@Parameter(description = "Only requests of this status", example = "AWAITING_REVIEW",
                                    schema = @Schema(implementation = RequestStatus.class)) @RestQuery String status,
                            @Parameter(description = "Only requests of this type", example = "ERASURE",
                                    schema = @Schema(implementation = RequestType.class)) @RestQuery String type,
                            @Parameter(description = "Only requests naming this study", example = "kitbags")
                            @RestQuery String studyKey,
                            @Parameter(description = "true: only overdue requests; false: only those that are not",
                                    schema = @Schema(type = SchemaType.BOOLEAN))
                            @RestQuery String overdue,
                            @Parameter(description = "Only requests due before this date (ISO)", example = "2025-07-01")
                            @RestQuery String dueBefore,
                            @Parameter(description = "Page number, from 0", example = "0") @RestQuery String page,
                            @Parameter(description = "Page size, 1 to 200 (20 unless given)", example = "20")
                            @RestQuery String size) {
        return queries.list(new RequestQueryService.Filter(
                enumValue("status", status, RequestStatus.class).orElse(null),
                enumValue("type", type, RequestType.class).orElse(null),
                studyKey == null || studyKey.isBlank() ? null : studyKey.strip(),
                bool("overdue", overdue).orElse(null),
                date("dueBefore", dueBefore).orElse(null),
                page(page, config.limits()), size(size, 20, config.limits())), auditorOnly());
    }

    @Operation(summary = "A request", description = "Its status, deadline and clock, the match, the decision, "
            + "Art. 19 notices and open incidents. Auditors see no matched records (candidates and subjectRefs are "
            + "null).")
    @APIResponse(responseCode = "200", description = "The request")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @GET
    @Path("/{reference}")
    @RolesAllowed({Roles.DPO, Roles.AUDITOR})
    public RequestView view(@Parameter(description = "The request's reference", example = "DSAR-2025-000042")
                            @RestPath String reference) {
        return queries.view(reference, auditorOnly());
    }

    @Operation(summary = "Cancel a request", description = "Ends the request and its process, e.g. when the "
            + "requester withdraws it.")
    @APIResponse(responseCode = "200", description = "The request, CANCELLED")
    @APIResponse(responseCode = "400", ref = "InvalidInput")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", description = "The request is closed already",
            content = @Content(mediaType = ProblemMapper.PROBLEM_JSON, schema = @Schema(implementation = Problem.class),
                    examples = {
                            @ExampleObject(name = "REQUEST_CLOSED", ref = "REQUEST_CLOSED"),
                            @ExampleObject(name = "CONCURRENT_CHANGE", ref = "CONCURRENT_CHANGE")}))
    @POST
    @Path("/{reference}/cancel")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.DPO)
    public RequestView cancel(@Parameter(description = "The request's reference", example = "DSAR-2025-000042")
                              @RestPath String reference, @NotNull @Valid CancelBody body) {
        return views.of(intake.cancel(reference, body, actor()));
    }

    private boolean auditorOnly() {
        return !identity.hasRole(Roles.DPO);
    }

    private String actor() {
        return identity.getPrincipal().getName();
    }
}
