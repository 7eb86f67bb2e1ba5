package org.dsarflow.web;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.dsarflow.shared.Roles;
import org.jboss.resteasy.reactive.RestPath;
import org.dsarflow.subject.ImportReport;
import org.dsarflow.subject.ImportView;
import org.dsarflow.subject.RegistryFormat;
import org.dsarflow.subject.RegistryImports;
import org.jboss.resteasy.reactive.RestHeader;
import org.dsarflow.subject.PhaseChangeBody;
import org.dsarflow.subject.RegistryImportService;
import org.dsarflow.subject.StudyDescription;
import org.dsarflow.subject.StudyService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.InputStream;
import java.net.URI;
import java.util.List;
import org.dsarflow.shared.Problem;
import org.dsarflow.shared.ProblemMapper;

@Tag(name = "Studies")
@Path("/api/studies")
@Produces(MediaType.APPLICATION_JSON)
public class StudyResource {

    /** One operation in the contract, whether the registry comes as JSON or as CSV. */
    private static final String IMPORT = "Import the registry";
    private static final String IMPORT_DESCRIPTION = "A JSON array of subjects ({subjectRef, category, identifiers, "
            + "attributes, holdings}), or text/csv with a header row naming those columns, streamed in batches of "
            + "1,000, one transaction each. A bad row is reported by line and skipped; restricted records are left "
            + "alone. Every import is recorded (GET /api/imports/{id}); with Prefer: respond-async the file is "
            + "saved and imported on a worker, and the answer is 202 with Location naming the import. Imports upsert "
            + "by subjectRef, so sending a file again after an import was interrupted or failed is safe.";
    private static final String ACCEPTED = "With Prefer: respond-async: the import runs on a worker; Location names it "
            + "(GET /api/imports/{id}) and Preference-Applied says respond-async";
    private static final String RUNNING = "An import into this study is running, on this or another node; or this "
            + "import was marked interrupted by another node while it ran (its node went unheard past the lease)";
    private static final String PREFER = "respond-async to import on a worker and answer 202 at once; other "
            + "preferences are ignored";

    private final StudyService studies;
    private final RegistryImportService registry;
    private final RegistryImports imports;
    private final SecurityIdentity identity;

    StudyResource(StudyService studies, RegistryImportService registry, RegistryImports imports,
                  SecurityIdentity identity) {
        this.studies = studies;
        this.registry = registry;
        this.imports = imports;
        this.identity = identity;
    }

    @Operation(summary = "List studies", description = "Every study with its holdings, identifier schemes, lawful "
            + "bases, recipients and phase.")
    @APIResponse(responseCode = "200", description = "The studies, by key")
    @GET
    @RolesAllowed({Roles.ADMIN, Roles.DPO})
    public List<StudyDescription> list() {
        return studies.list();
    }

    @Operation(summary = "A study")
    @APIResponse(responseCode = "200", description = "The study")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @GET
    @Path("/{key}")
    @RolesAllowed({Roles.ADMIN, Roles.DPO})
    public StudyDescription get(@Parameter(description = "The study's key", example = "kitbags") @RestPath String key) {
        return studies.get(key);
    }

    @Operation(summary = "Register a study", description = "With its holdings (where each dataset is, who acts on "
            + "it, how identifiable it is), identifier schemes and dated phase.")
    @APIResponse(responseCode = "201", description = "Registered; Location names the study",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = StudyDescription.class)))
    @APIResponse(responseCode = "400", ref = "InvalidInput")
    @APIResponse(responseCode = "409", description = "A study with that key exists",
            content = @Content(mediaType = ProblemMapper.PROBLEM_JSON, schema = @Schema(implementation = Problem.class),
                    examples = {@ExampleObject(name = "STUDY_EXISTS", ref = "STUDY_EXISTS")}))
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    public Response create(@NotNull @Valid StudyDescription body, UriInfo uri) {
        StudyDescription study = studies.create(body, actor());
        return Response.created(uri.getAbsolutePathBuilder().path(study.key()).build()).entity(study).build();
    }

    @Operation(summary = "Update a study", description = "Replaces what the study says of itself and its holdings. "
            + "Its phase changes only through POST /api/studies/{key}/phase; a holding that still holds subjects' "
            + "data cannot be removed.")
    @APIResponse(responseCode = "200", description = "The study as updated")
    @APIResponse(responseCode = "400", ref = "InvalidInput")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", description = "The update changes the phase, or removes a holding in use",
            content = @Content(mediaType = ProblemMapper.PROBLEM_JSON, schema = @Schema(implementation = Problem.class),
                    examples = {
                            @ExampleObject(name = "PHASE_CHANGE_NEEDS_PHASE_ENDPOINT",
                                    ref = "PHASE_CHANGE_NEEDS_PHASE_ENDPOINT"),
                            @ExampleObject(name = "HOLDING_IN_USE", ref = "HOLDING_IN_USE"),
                            @ExampleObject(name = "CONCURRENT_CHANGE", ref = "CONCURRENT_CHANGE")}))
    @PUT
    @Path("/{key}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    public StudyDescription replace(@Parameter(description = "The study's key", example = "kitbags")
                                    @RestPath String key, @NotNull @Valid StudyDescription body) {
        return studies.replace(key, body, actor());
    }

    @Operation(summary = "Change a study's phase", description = "A phase moves forward only (COLLECTION, ANALYSIS, "
            + "ARCHIVED, CLOSED), on or after the current phase's date, unless an admin corrects a mistake with a "
            + "correctionReason. Decisions use the phase on each request's receipt date.")
    @APIResponse(responseCode = "200", description = "The study in its new phase")
    @APIResponse(responseCode = "400", ref = "InvalidInput")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409",
            description = "The change is no change, goes backwards, or is dated before the current phase",
            content = @Content(mediaType = ProblemMapper.PROBLEM_JSON, schema = @Schema(implementation = Problem.class),
                    examples = {
                            @ExampleObject(name = "PHASE_UNCHANGED", ref = "PHASE_UNCHANGED"),
                            @ExampleObject(name = "PHASE_BACKWARDS", ref = "PHASE_BACKWARDS"),
                            @ExampleObject(name = "PHASE_DATE_BEFORE_CURRENT", ref = "PHASE_DATE_BEFORE_CURRENT"),
                            @ExampleObject(name = "CONCURRENT_CHANGE", ref = "CONCURRENT_CHANGE")}))
    @POST
    @Path("/{key}/phase")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    public StudyDescription changePhase(@Parameter(description = "The study's key", example = "kitbags")
                                        @RestPath String key, @NotNull @Valid PhaseChangeBody body) {
        return studies.changePhase(key, body, actor());
    }

    /** The registry as a JSON array, streamed. */
    @Operation(summary = IMPORT, description = IMPORT_DESCRIPTION)
    @APIResponse(responseCode = "200", description = "What the import did",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportReport.class)))
    @APIResponse(responseCode = "202", description = ACCEPTED,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportView.class)))
    @APIResponse(responseCode = "400", ref = "InvalidInput")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", description = RUNNING,
            content = @Content(mediaType = ProblemMapper.PROBLEM_JSON, schema = @Schema(implementation = Problem.class),
                    examples = {@ExampleObject(name = "IMPORT_RUNNING", ref = "IMPORT_RUNNING"),
                            @ExampleObject(name = "IMPORT_INTERRUPTED", ref = "IMPORT_INTERRUPTED")}))
    @POST
    @Path("/{key}/subjects")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    public Response importJson(@Parameter(description = "The study's key", example = "kitbags") @RestPath String key,
                               @Parameter(description = PREFER, example = "respond-async") @RestHeader("Prefer")
                               List<String> prefer, InputStream body) {
        return importRegistry(key, RegistryFormat.JSON, prefer, body);
    }

    /** The registry as CSV with a header row, streamed. */
    @Operation(summary = IMPORT, description = IMPORT_DESCRIPTION)
    @APIResponse(responseCode = "200", description = "What the import did",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportReport.class)))
    @APIResponse(responseCode = "202", description = ACCEPTED,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportView.class)))
    @APIResponse(responseCode = "400", ref = "InvalidInput")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", description = RUNNING,
            content = @Content(mediaType = ProblemMapper.PROBLEM_JSON, schema = @Schema(implementation = Problem.class),
                    examples = {@ExampleObject(name = "IMPORT_RUNNING", ref = "IMPORT_RUNNING"),
                            @ExampleObject(name = "IMPORT_INTERRUPTED", ref = "IMPORT_INTERRUPTED")}))
    @POST
    @Path("/{key}/subjects")
    @Consumes("text/csv")
    @RolesAllowed(Roles.ADMIN)
    public Response importCsv(@Parameter(description = "The study's key", example = "kitbags") @RestPath String key,
                              @Parameter(description = PREFER, example = "respond-async") @RestHeader("Prefer")
                              List<String> prefer, InputStream body) {
        return importRegistry(key, RegistryFormat.CSV, prefer, body);
    }

    private Response importRegistry(String key, RegistryFormat format, List<String> prefer, InputStream body) {
        if (!Preferences.respondAsync(prefer)) {
            return Response.ok(registry.importNow(key, format, body, actor())).build();
        }
        long id = registry.submit(key, format, body, actor());
        return Response.accepted(imports.find(id, 0, ImportResource.REJECTED_PAGE))
                .location(URI.create(ImportResource.PATH + "/" + id))
                .header(Preferences.APPLIED, Preferences.RESPOND_ASYNC).build();
    }

    private String actor() {
        return identity.getPrincipal().getName();
    }
}
