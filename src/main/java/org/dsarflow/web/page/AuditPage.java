package org.dsarflow.web.page;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import org.dsarflow.audit.AuditTrail;
import org.dsarflow.shared.Roles;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * The auditor's page: the hash chain's verification, on request (it reads the whole log), and the
 * export form, which downloads from GET /api/audit/events. Each request's history is on its page.
 */
@Path(WorkbenchPaths.ROOT + "/audit")
public class AuditPage {

    private final Template audit;
    private final AuditTrail trail;
    private final Workbench workbench;

    AuditPage(@Location("pages/audit.html") Template audit, AuditTrail trail, Workbench workbench) {
        this.audit = audit;
        this.trail = trail;
        this.workbench = workbench;
    }

    @GET
    @RolesAllowed(Roles.AUDITOR)
    @Produces(Workbench.HTML)
    public Response page(@RestQuery boolean verify) {
        return workbench.page(audit.data("title", "Audit").data("verification", verify ? trail.verify() : null));
    }
}
