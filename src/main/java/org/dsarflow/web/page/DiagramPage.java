package org.dsarflow.web.page;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import org.dsarflow.shared.Roles;

import java.io.InputStream;

/**
 * The BPMN of the request and complaint processes for bpmn-js to draw: the very classpath resources the
 * engine deploys (bpmn/dsar-request.bpmn and bpmn/dsar-complaint.bpmn, copied from the project's bpmn/
 * folder), so each diagram is the model that runs.
 */
@Path(WorkbenchPaths.ROOT + "/diagrams")
public class DiagramPage {

    private static final String REQUEST_PROCESS = "bpmn/dsar-request.bpmn";
    private static final String COMPLAINT_PROCESS = "bpmn/dsar-complaint.bpmn";

    @GET
    @Path("/dsar-request.bpmn")
    @RolesAllowed({Roles.DPO, Roles.AUDITOR})
    @Produces("application/xml")
    public Response requestProcess() {
        return model(REQUEST_PROCESS);
    }

    @GET
    @Path("/dsar-complaint.bpmn")
    @RolesAllowed({Roles.DPO, Roles.AUDITOR})
    @Produces("application/xml")
    public Response complaintProcess() {
        return model(COMPLAINT_PROCESS);
    }

    private static Response model(String resource) {
        InputStream model = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource);
        if (model == null) {
            throw new IllegalStateException(resource + " is part of the application");
        }
        return Response.ok(model).header("Cache-Control", "private, max-age=300").build();
    }
}
