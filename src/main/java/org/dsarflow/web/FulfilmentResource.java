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
import org.dsarflow.fulfilment.CustodianConfirmationBody;
import org.dsarflow.fulfilment.CustodianService;
import org.dsarflow.fulfilment.LiftRestrictionBody;
import org.dsarflow.fulfilment.ResponsePackage;
import org.dsarflow.fulfilment.ResponsePackageService;
import org.dsarflow.fulfilment.RestrictionService;
import org.dsarflow.shared.Roles;
import org.dsarflow.view.RequestView;
import org.dsarflow.view.RequestViews;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/** What the DPO does once a decision is approved: custodian confirmations, the response package, lifting a restriction. */
@Path("/api/requests/{reference}")
public class FulfilmentResource {

    private final CustodianService custodians;
    private final ResponsePackageService packages;
    private final RestrictionService restrictions;
    private final RequestViews views;
    private final SecurityIdentity identity;

    FulfilmentResource(CustodianService custodians, ResponsePackageService packages, RestrictionService restrictions,
                       RequestViews views, SecurityIdentity identity) {
        this.custodians = custodians;
        this.packages = packages;
        this.restrictions = restrictions;
        this.views = views;
        this.identity = identity;
    }

    @POST
    @Path("/custodian-confirmations")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.DPO)
    public RequestView confirm(@RestPath String reference, @NotNull @Valid CustodianConfirmationBody body) {
        return views.of(custodians.confirm(reference, body, identity.getPrincipal().getName()));
    }

    @GET
    @Path("/response-package")
    @Produces({MediaType.APPLICATION_JSON, "text/csv"})
    @RolesAllowed(Roles.DPO)
    public Response responsePackage(@RestPath String reference, @RestQuery String format) {
        ExportFormat chosen = ExportFormat.of(format);
        ResponsePackage built = packages.build(reference);
        Response.ResponseBuilder response = chosen == ExportFormat.CSV
                ? Response.ok(packages.csv(built), chosen.mediaType())
                : Response.ok(built, chosen.mediaType());
        return response.header("Content-Disposition", chosen.contentDisposition(reference + "-response")).build();
    }

    @POST
    @Path("/restriction/lift")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.DPO)
    public RequestView liftRestriction(@RestPath String reference, @NotNull @Valid LiftRestrictionBody body) {
        return views.of(restrictions.lift(reference, body, identity.getPrincipal().getName()));
    }
}
