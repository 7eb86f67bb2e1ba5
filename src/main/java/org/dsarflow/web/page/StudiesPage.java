package org.dsarflow.web.page;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import org.dsarflow.shared.Roles;
import org.dsarflow.subject.StudyService;

/** The registered studies, their phase and holdings, as GET /api/studies shows them to the DPO and the admin. */
@Path(WorkbenchPaths.ROOT + "/studies")
public class StudiesPage {

    private final Template studiesTemplate;
    private final StudyService studies;
    private final Workbench workbench;

    StudiesPage(@Location("pages/studies.html") Template studiesTemplate, StudyService studies, Workbench workbench) {
        this.studiesTemplate = studiesTemplate;
        this.studies = studies;
        this.workbench = workbench;
    }

    @GET
    @RolesAllowed({Roles.DPO, Roles.ADMIN})
    @Produces(Workbench.HTML)
    public Response list() {
        return workbench.page(studiesTemplate.data("title", "Studies").data("studies", studies.list()));
    }
}
