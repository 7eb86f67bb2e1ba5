package org.dsarflow.web.page;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import org.dsarflow.audit.AuditCheckpoints;
import org.dsarflow.audit.AuditTrail;
import org.dsarflow.audit.KeptCheckpoint;
import org.dsarflow.shared.InvalidInputException;
import org.dsarflow.shared.Roles;
import org.jboss.resteasy.reactive.RestQuery;

import java.util.Map;

/**
 * The auditor's page: the log's current checkpoint, to keep; the hash chain's verification, on request (it
 * reads the whole log), against a kept checkpoint if one is given; and the export form, which downloads from
 * GET /api/audit/events. Each request's history is on its page. Both forms only read, so they are GET forms.
 */
@Path(WorkbenchPaths.ROOT + "/audit")
public class AuditPage {

    private static final Map<String, String> WORDING = Map.of("checkpoint",
            "Enter the checkpoint as its entry number and hash, with a colon between them, like 1204:9f86d0…");

    private final Template audit;
    private final AuditTrail trail;
    private final AuditCheckpoints checkpoints;
    private final Workbench workbench;

    AuditPage(@Location("pages/audit.html") Template audit, AuditTrail trail, AuditCheckpoints checkpoints,
              Workbench workbench) {
        this.audit = audit;
        this.trail = trail;
        this.checkpoints = checkpoints;
        this.workbench = workbench;
    }

    @GET
    @RolesAllowed(Roles.AUDITOR)
    @Produces(Workbench.HTML)
    public Response page(@RestQuery boolean verify, @RestQuery String checkpoint) {
        FormErrors errors = new FormErrors(WORDING);
        AuditTrail.Verification verification = null;
        if (verify) {
            try {
                verification = trail.verify(checkpoint == null || checkpoint.isBlank() ? null
                        : KeptCheckpoint.parse(checkpoint));
            } catch (InvalidInputException e) {
                errors.add(e);
            }
        }
        return workbench.page(audit.data("title", errors.any() ? "Error: Audit" : "Audit")
                        .data("checkpoint", checkpoints.current())
                        .data("verification", verification)
                        .data("kept", verification == null || checkpoint == null || checkpoint.isBlank() ? null
                                : checkpoint.strip())
                        .data("errors", errors.byField())
                        .data("values", Map.of("checkpoint", checkpoint == null ? "" : checkpoint)),
                errors.any() ? Response.Status.BAD_REQUEST : Response.Status.OK);
    }
}
