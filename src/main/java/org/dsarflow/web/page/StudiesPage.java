package org.dsarflow.web.page;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.dsarflow.shared.ConflictException;
import org.dsarflow.shared.InvalidInputException;
import org.dsarflow.shared.Roles;
import org.dsarflow.subject.ImportReport;
import org.dsarflow.subject.PhaseChangeBody;
import org.dsarflow.subject.RegistryFormat;
import org.dsarflow.subject.RegistryImportConfig;
import org.dsarflow.subject.RegistryImportService;
import org.dsarflow.subject.StudyPhase;
import org.dsarflow.subject.StudyService;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The registered studies, their phase and holdings (dpo, admin); the admin changes a study's phase and
 * uploads its registry (CSV or JSON, as POST /api/studies/{key}/subjects takes), and sees the import's
 * report with the rejected lines; a large upload is imported on a worker, and its progress shown on
 * ImportPage. Registering and editing a study are {@link StudyFormPage}'s.
 */
@Path(WorkbenchPaths.ROOT + "/studies")
public class StudiesPage {

    private final Template studiesTemplate;
    private final StudyService studies;
    private final RegistryImportService registry;
    private final Validator validator;
    private final Workbench workbench;
    private final SecurityIdentity identity;
    private final CsrfGuard csrf;
    private final RegistryImportConfig importSettings;

    StudiesPage(@Location("pages/studies.html") Template studiesTemplate, StudyService studies,
                RegistryImportService registry, Validator validator, Workbench workbench, SecurityIdentity identity,
                CsrfGuard csrf, RegistryImportConfig importSettings) {
        this.importSettings = importSettings;
        this.studiesTemplate = studiesTemplate;
        this.studies = studies;
        this.registry = registry;
        this.validator = validator;
        this.workbench = workbench;
        this.identity = identity;
        this.csrf = csrf;
    }

    @GET
    @RolesAllowed({Roles.DPO, Roles.ADMIN})
    @Produces(Workbench.HTML)
    public Response list() {
        return render(Map.of(), null, null, Response.Status.OK);
    }

    @POST
    @Path("/{key}/phase")
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(Workbench.HTML)
    public Response changePhase(@RestPath String key, MultivaluedMap<String, String> form) {
        this.csrf.check(form.getFirst(CsrfGuard.FIELD));
        String phase = form.getFirst("phase");
        String correctionReason = form.getFirst("correctionReason");
        PhaseChangeBody body = new PhaseChangeBody(
                Arrays.stream(StudyPhase.values()).filter(p -> p.name().equals(phase)).findFirst().orElse(null),
                DateFields.date(form, "on"),
                correctionReason == null || correctionReason.isBlank() ? null : correctionReason.strip());
        Map<String, String> errors = new LinkedHashMap<>();
        validator.validate(body).forEach(v -> errors.put("phase-" + key, "The phase change needs a phase and a real date"));
        if (errors.isEmpty()) {
            try {
                studies.changePhase(key, body, actor());
                return Workbench.seeOther(WorkbenchPaths.ROOT + "/studies");
            } catch (InvalidInputException | ConflictException e) {
                errors.put("phase-" + key, e.getMessage());
            }
        }
        return render(errors, null, null, Response.Status.BAD_REQUEST);
    }

    @POST
    @Path("/{key}/registry")
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(Workbench.HTML)
    public Response importRegistry(@RestPath String key, @RestForm String csrf, @RestForm("file") FileUpload file) {
        this.csrf.check(csrf);
        if (file == null || file.fileName() == null || file.fileName().isBlank()) {
            return render(Map.of("registry-" + key, "Choose a CSV or JSON registry file"), null, null,
                    Response.Status.BAD_REQUEST);
        }
        RegistryFormat format = file.fileName().toLowerCase(Locale.ROOT).endsWith(".json")
                ? RegistryFormat.JSON : RegistryFormat.CSV;
        try (InputStream in = Files.newInputStream(file.uploadedFile())) {
            if (file.size() >= importSettings.workbenchAsyncFromBytes()) {
                long id = registry.submit(key, format, in, actor());
                return Workbench.seeOther(WorkbenchPaths.ROOT + "/imports/" + id);
            }
            ImportReport report = registry.importNow(key, format, in, actor());
            return render(Map.of(), key, report, Response.Status.OK);
        } catch (InvalidInputException | ConflictException e) {
            return render(Map.of("registry-" + key, e.getMessage()), null, null, Response.Status.BAD_REQUEST);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Response render(Map<String, String> errors, String importedInto, ImportReport report,
                            Response.Status status) {
        return workbench.page(studiesTemplate.data("title", "Studies")
                .data("studies", studies.list())
                .data("phases", StudyPhase.values())
                .data("admin", identity.hasRole(Roles.ADMIN))
                .data("errors", errors)
                .data("phaseErrors", byStudy(errors, "phase-"))
                .data("registryErrors", byStudy(errors, "registry-"))
                .data("importedInto", importedInto)
                .data("report", report), status);
    }

    /** The errors of one kind of form ("phase-kitbags"), by study key, for the form beside each study. */
    private static Map<String, String> byStudy(Map<String, String> errors, String prefix) {
        Map<String, String> byStudy = new LinkedHashMap<>();
        errors.forEach((field, message) -> {
            if (field.startsWith(prefix)) {
                byStudy.put(field.substring(prefix.length()), message);
            }
        });
        return byStudy;
    }

    private String actor() {
        return identity.getPrincipal().getName();
    }
}
