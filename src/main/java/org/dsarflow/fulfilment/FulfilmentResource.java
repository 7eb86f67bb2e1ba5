package org.dsarflow.fulfilment;

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
import org.dsarflow.intake.RequestView;
import org.dsarflow.shared.InvalidInputException;
import org.dsarflow.shared.Roles;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/** What the DPO does once a decision is approved: custodian confirmations, the response package, lifting a restriction. */
@Path("/api/requests/{reference}")
public class FulfilmentResource {

    private final CustodianService custodians;
    private final ResponsePackageService packages;
    private final RestrictionService restrictions;
    private final SecurityIdentity identity;

    FulfilmentResource(CustodianService custodians, ResponsePackageService packages, RestrictionService restrictions,
                       SecurityIdentity identity) {
        this.custodians = custodians;
        this.packages = packages;
        this.restrictions = restrictions;
        this.identity = identity;
    }

    @POST
    @Path("/custodian-confirmations")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.DPO)
    public RequestView confirm(@RestPath String reference, @NotNull @Valid CustodianConfirmationBody body) {
        return custodians.confirm(reference, body, identity.getPrincipal().getName());
    }

    @GET
    @Path("/response-package")
    @Produces({MediaType.APPLICATION_JSON, "text/csv"})
    @RolesAllowed(Roles.DPO)
    public Response responsePackage(@RestPath String reference, @RestQuery String format) {
        String chosen = format == null || format.isBlank() ? "json" : format.strip();
        if (!chosen.equals("json") && !chosen.equals("csv")) {
            throw new InvalidInputException("format", "format must be json or csv");
        }
        ResponsePackage built = packages.build(reference);
        String file = reference + "-response." + chosen;
        Response.ResponseBuilder response = chosen.equals("csv")
                ? Response.ok(packages.csv(built), "text/csv")
                : Response.ok(built, MediaType.APPLICATION_JSON);
        return response.header("Content-Disposition", "attachment; filename=\"" + file + "\"").build();
    }

    @POST
    @Path("/restriction/lift")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.DPO)
    public RequestView liftRestriction(@RestPath String reference, @NotNull @Valid LiftRestrictionBody body) {
        return restrictions.lift(reference, body, identity.getPrincipal().getName());
    }
}
