package org.dsarflow.web;

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
import org.dsarflow.account.UserBody;
import org.dsarflow.account.UserService;
import org.dsarflow.account.UserView;
import org.dsarflow.shared.Problem;
import org.dsarflow.shared.ProblemMapper;
import org.dsarflow.shared.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

import java.util.List;

/** Named staff accounts, for admins: each person signs in as themselves and the audit trail names them. */
@Tag(name = "Users")
@Path("/api/users")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class UserResource {

    private final UserService users;

    UserResource(UserService users) {
        this.users = users;
    }

    @Operation(summary = "List named users", description = "Every named user, by user name; never a password.")
    @APIResponse(responseCode = "200", description = "The users")
    @GET
    public List<UserView> list() {
        return users.list();
    }

    @Operation(summary = "A named user")
    @APIResponse(responseCode = "200", description = "The user")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @GET
    @Path("/{username}")
    public UserView get(@Parameter(description = "The user name", example = "jsmith") @RestPath String username) {
        return users.get(username);
    }

    @Operation(summary = "Create a named user", description = "{username, displayName, role, password}: the role "
            + "is dpo, auditor or admin; the password at least 12 characters, kept only as a bcrypt hash.")
    @APIResponse(responseCode = "201", description = "Created; Location names the user",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = UserView.class)))
    @APIResponse(responseCode = "400", ref = "InvalidInput")
    @APIResponse(responseCode = "409", description = "A user of that name exists",
            content = @Content(mediaType = ProblemMapper.PROBLEM_JSON, schema = @Schema(implementation = Problem.class),
                    examples = {@ExampleObject(name = "USER_EXISTS", ref = "USER_EXISTS")}))
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@NotNull @Valid UserBody body, UriInfo uri) {
        UserView user = users.create(body);
        return Response.created(uri.getAbsolutePathBuilder().path(user.username()).build()).entity(user).build();
    }

    @Operation(summary = "Change a named user", description = "What the body gives changes: displayName, role, "
            + "password (a reset), enabled (false disables: the user can no longer sign in).")
    @APIResponse(responseCode = "200", description = "The user as changed")
    @APIResponse(responseCode = "400", ref = "InvalidInput")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @PUT
    @Path("/{username}")
    @Consumes(MediaType.APPLICATION_JSON)
    public UserView update(@Parameter(description = "The user name", example = "jsmith") @RestPath String username,
                           @NotNull @Valid UserBody body) {
        return users.update(username, body);
    }
}
