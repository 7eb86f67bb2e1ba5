package org.dsarflow.web;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.dsarflow.shared.Roles;
import org.dsarflow.view.ProcessHistory;
import org.jboss.resteasy.reactive.RestPath;

import java.util.List;

/** The steps a request's process has taken, for the diagram: activity ids and times only. */
@Path("/api/requests/{reference}/process")
@Produces(MediaType.APPLICATION_JSON)
public class ProcessResource {

    private final ProcessHistory history;

    ProcessResource(ProcessHistory history) {
        this.history = history;
    }

    @GET
    @RolesAllowed({Roles.DPO, Roles.AUDITOR})
    public List<ProcessHistory.Step> steps(@RestPath String reference) {
        return history.of(reference);
    }
}
