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
import static org.dsarflow.shared.QueryParameters.integer;

@Path("/api/requests")
@Produces(MediaType.APPLICATION_JSON)
public class RequestResource {

    private final RequestIntakeService intake;
    private final RequestQueryService queries;
    private final RequestViews views;
    private final SecurityIdentity identity;

    RequestResource(RequestIntakeService intake, RequestQueryService queries, RequestViews views,
                    SecurityIdentity identity) {
        this.intake = intake;
        this.queries = queries;
        this.views = views;
        this.identity = identity;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.DPO)
    public Response log(@NotNull @Valid LogRequestBody body,
                        @RestHeader(RequestIntakeService.IDEMPOTENCY_KEY) String idempotencyKey,
                        UriInfo uri) {
        RequestIntakeService.Logged logged = intake.log(body, idempotencyKey, actor());
        RequestView view = views.of(logged.request());
        Response.ResponseBuilder response = logged.replayed() ? Response.ok() : Response.status(Response.Status.CREATED);
        return response.location(uri.getAbsolutePathBuilder().path(view.reference()).build())
                .entity(view)
                .build();
    }

    @GET
    @RolesAllowed({Roles.DPO, Roles.AUDITOR})
    public RequestPage list(@RestQuery String status, @RestQuery String type, @RestQuery String studyKey,
                            @RestQuery String overdue, @RestQuery String dueBefore,
                            @RestQuery String page, @RestQuery String size) {
        return queries.list(new RequestQueryService.Filter(
                enumValue("status", status, RequestStatus.class).orElse(null),
                enumValue("type", type, RequestType.class).orElse(null),
                studyKey == null || studyKey.isBlank() ? null : studyKey.strip(),
                bool("overdue", overdue).orElse(null),
                date("dueBefore", dueBefore).orElse(null),
                integer("page", page, 0, 0, Integer.MAX_VALUE),
                integer("size", size, 20, 1, 200)), auditorOnly());
    }

    @GET
    @Path("/{reference}")
    @RolesAllowed({Roles.DPO, Roles.AUDITOR})
    public RequestView view(@RestPath String reference) {
        return queries.view(reference, auditorOnly());
    }

    @POST
    @Path("/{reference}/cancel")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.DPO)
    public RequestView cancel(@RestPath String reference, @NotNull @Valid CancelBody body) {
        return views.of(intake.cancel(reference, body, actor()));
    }

    private boolean auditorOnly() {
        return !identity.hasRole(Roles.DPO);
    }

    private String actor() {
        return identity.getPrincipal().getName();
    }
}
