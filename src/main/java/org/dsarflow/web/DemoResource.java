package org.dsarflow.web;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.dsarflow.shared.Roles;
import org.jboss.resteasy.reactive.RestQuery;
import org.dsarflow.subject.DemoCatalogue;

import static org.dsarflow.shared.QueryParameters.integer;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Loads the demo catalogue on request, e.g. to try the service in a production-like setup. */
@Tag(name = "Studies")
@Path("/api/demo-catalogue")
@Produces(MediaType.APPLICATION_JSON)
public class DemoResource {

    private final DemoCatalogue demo;
    private final SecurityIdentity identity;

    DemoResource(DemoCatalogue demo, SecurityIdentity identity) {
        this.demo = demo;
        this.identity = identity;
    }

    @Operation(summary = "Load the demo catalogue", description = "The five demo studies of the privacy notices with "
            + "invented people; studies already there are left alone.")
    @APIResponse(responseCode = "200", description = "What was loaded")
    @APIResponse(responseCode = "400", ref = "InvalidInput")
    @POST
    @RolesAllowed(Roles.ADMIN)
    public DemoCatalogue.Loaded load(@Parameter(description = "Invented people per study, 0 to 100000 (200 unless "
            + "given)", example = "200") @RestQuery String subjectsPerStudy) {
        return demo.load(integer("subjectsPerStudy", subjectsPerStudy, 200, 0, 100_000), identity.getPrincipal().getName());
    }
}
