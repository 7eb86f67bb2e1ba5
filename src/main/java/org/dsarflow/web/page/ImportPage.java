package org.dsarflow.web.page;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import org.dsarflow.shared.Roles;
import org.dsarflow.shared.UnknownResourceException;
import org.dsarflow.subject.ImportView;
import org.dsarflow.subject.RegistryImports;
import org.jboss.resteasy.reactive.RestPath;

/**
 * One registry import as committed so far (admin, auditor, as GET /api/imports/{id}): its progress while
 * it runs, read again every second, then its report with the rejected lines.
 */
@Path(WorkbenchPaths.ROOT + "/imports/{id}")
public class ImportPage {

    /** Rejected lines shown; the API pages through the rest. */
    private static final int REJECTED_SHOWN = 200;

    private final Template importTemplate;
    private final RegistryImports imports;
    private final Workbench workbench;

    ImportPage(@Location("pages/import.html") Template importTemplate, RegistryImports imports, Workbench workbench) {
        this.importTemplate = importTemplate;
        this.imports = imports;
        this.workbench = workbench;
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.AUDITOR})
    @Produces(Workbench.HTML)
    public Response show(@RestPath String id) {
        ImportView job = imports.find(id(id), 0, REJECTED_SHOWN);
        return workbench.page(importTemplate.data("title", "Registry import " + job.id()).data("job", job));
    }

    private static long id(String id) {
        try {
            return Long.parseLong(id.strip());
        } catch (NumberFormatException e) {
            throw new UnknownResourceException("Import", "with that id");
        }
    }
}
