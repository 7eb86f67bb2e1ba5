package org.dsarflow.web.page;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import org.dsarflow.shared.Roles;

import java.io.InputStream;

/**
 * The BPMN of the request process for bpmn-js to draw: the very classpath resource the engine deploys
 * (bpmn/dsar-request.bpmn, copied from the project's bpmn/ folder), so the diagram is the model that runs.
 */
@Path(WorkbenchPaths.ROOT + "/diagrams")
public class DiagramPage {

    private static final String REQUEST_PROCESS = "bpmn/dsar-request.bpmn";

    @GET
    @Path("/dsar-request.bpmn")
    @RolesAllowed({Roles.DPO, Roles.AUDITOR})
    @Produces("application/xml")
    public Response requestProcess() {
        InputStream model = Thread.currentThread().getContextClassLoader().getResourceAsStream(REQUEST_PROCESS);
        if (model == null) {
            throw new IllegalStateException(REQUEST_PROCESS + " is part of the application");
        }
        return Response.ok(model).header("Cache-Control", "private, max-age=300").build();
    }
}
