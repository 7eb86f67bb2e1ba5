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

/** Loads the demo catalogue on request, e.g. to try the service in a production-like setup. */
@Path("/api/demo-catalogue")
@Produces(MediaType.APPLICATION_JSON)
public class DemoResource {

    private final DemoCatalogue demo;
    private final SecurityIdentity identity;

    DemoResource(DemoCatalogue demo, SecurityIdentity identity) {
        this.demo = demo;
        this.identity = identity;
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    public DemoCatalogue.Loaded load(@RestQuery String subjectsPerStudy) {
        return demo.load(integer("subjectsPerStudy", subjectsPerStudy, 200, 0, 100_000), identity.getPrincipal().getName());
    }
}
