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
import org.dsarflow.subject.PhaseChangeBody;
import org.dsarflow.subject.RegistryImportService;
import org.dsarflow.subject.StudyDescription;
import org.dsarflow.subject.StudyService;

import java.io.InputStream;
import java.util.List;

@Path("/api/studies")
@Produces(MediaType.APPLICATION_JSON)
public class StudyResource {

    private final StudyService studies;
    private final RegistryImportService registry;
    private final SecurityIdentity identity;

    StudyResource(StudyService studies, RegistryImportService registry, SecurityIdentity identity) {
        this.studies = studies;
        this.registry = registry;
        this.identity = identity;
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.DPO})
    public List<StudyDescription> list() {
        return studies.list();
    }

    @GET
    @Path("/{key}")
    @RolesAllowed({Roles.ADMIN, Roles.DPO})
    public StudyDescription get(@RestPath String key) {
        return studies.get(key);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    public Response create(@NotNull @Valid StudyDescription body, UriInfo uri) {
        StudyDescription study = studies.create(body, actor());
        return Response.created(uri.getAbsolutePathBuilder().path(study.key()).build()).entity(study).build();
    }

    @PUT
    @Path("/{key}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    public StudyDescription replace(@RestPath String key, @NotNull @Valid StudyDescription body) {
        return studies.replace(key, body, actor());
    }

    @POST
    @Path("/{key}/phase")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    public StudyDescription changePhase(@RestPath String key, @NotNull @Valid PhaseChangeBody body) {
        return studies.changePhase(key, body, actor());
    }

    /** The registry as a JSON array, streamed. */
    @POST
    @Path("/{key}/subjects")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    public ImportReport importJson(@RestPath String key, InputStream body) {
        return registry.importJson(key, body, actor());
    }

    /** The registry as CSV with a header row, streamed. */
    @POST
    @Path("/{key}/subjects")
    @Consumes("text/csv")
    @RolesAllowed(Roles.ADMIN)
    public ImportReport importCsv(@RestPath String key, InputStream body) {
        return registry.importCsv(key, body, actor());
    }

    private String actor() {
        return identity.getPrincipal().getName();
    }
}
