package org.dsarflow.web;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.dsarflow.shared.DsarConfig;
import org.dsarflow.shared.QueryParameters;
import org.dsarflow.shared.Roles;
import org.dsarflow.shared.UnknownResourceException;
import org.dsarflow.subject.ImportList;
import org.dsarflow.subject.ImportView;
import org.dsarflow.subject.RegistryImports;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * Registry imports as recorded: the admin who imports, and the auditor, who sees them in the audit log
 * too. A record holds no personal data: counts, lines and reason codes.
 */
@Tag(name = "Studies")
@Path(ImportResource.PATH)
@Produces(MediaType.APPLICATION_JSON)
public class ImportResource {

    static final String PATH = "/api/imports";
    /** Rejected lines in one answer unless a size is given. */
    static final int REJECTED_PAGE = 200;

    private final RegistryImports imports;
    private final DsarConfig config;

    ImportResource(RegistryImports imports, DsarConfig config) {
        this.imports = imports;
        this.config = config;
    }

    @Operation(summary = "A registry import", description = "Its status (RUNNING, COMPLETED, FAILED, INTERRUPTED), "
            + "the last line committed, the counts, and one page of its rejected lines by line (line and reason code, "
            + "never a value). An INTERRUPTED or FAILED import keeps what it committed; send the file again to "
            + "finish it: imports upsert.")
    @APIResponse(responseCode = "200", description = "The import as committed so far")
    @APIResponse(responseCode = "400", ref = "InvalidInput")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.AUDITOR})
    public ImportView get(@Parameter(description = "The import's id", example = "17") @RestPath String id,
                          @Parameter(description = "Page of rejected lines, from 0", example = "0") @RestQuery String page,
                          @Parameter(description = "Rejected lines a page, 1 to 200 (200 unless given)", example = "200")
                          @RestQuery String size) {
        return imports.find(id(id), QueryParameters.page(page, config.limits()),
                QueryParameters.size(size, REJECTED_PAGE, config.limits()));
    }

    @Operation(summary = "Registry imports", description = "Newest first, into one study or all, without their "
            + "rejected lines.")
    @APIResponse(responseCode = "200", description = "One page of imports")
    @APIResponse(responseCode = "400", ref = "InvalidInput")
    @GET
    @RolesAllowed({Roles.ADMIN, Roles.AUDITOR})
    public ImportList list(@Parameter(description = "Only imports into this study", example = "kitbags")
                           @RestQuery String study,
                           @Parameter(description = "Page number, from 0", example = "0") @RestQuery String page,
                           @Parameter(description = "Page size, 1 to 200 (50 unless given)", example = "50")
                           @RestQuery String size) {
        return imports.list(study == null || study.isBlank() ? null : study.strip(),
                QueryParameters.page(page, config.limits()), QueryParameters.size(size, 50, config.limits()));
    }

    /** An id that is no number names no import: 404, as an unknown one. */
    private static long id(String id) {
        try {
            return Long.parseLong(id.strip());
        } catch (NumberFormatException e) {
            throw new UnknownResourceException("Import", "with that id");
        }
    }
}
