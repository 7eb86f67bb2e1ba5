package org.dsarflow.web.page;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.dsarflow.account.UserBody;
import org.dsarflow.account.UserService;
import org.dsarflow.shared.ConflictException;
import org.dsarflow.shared.InvalidInputException;
import org.dsarflow.shared.Roles;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The named staff accounts, for admins: list, create, change a role, disable or enable, reset a password,
 * each form one call of the same {@link UserService} as {@code /api/users}. Passwords are never shown nor
 * put back into a form.
 */
@Path(WorkbenchPaths.ROOT + "/users")
@RolesAllowed(Roles.ADMIN)
public class UsersPage {

    private static final List<String> ROLES = List.of(Roles.DPO, Roles.AUDITOR, Roles.ADMIN);

    private final Template usersTemplate;
    private final UserService users;
    private final Workbench workbench;
    private final CsrfGuard csrf;

    UsersPage(@Location("pages/users.html") Template usersTemplate, UserService users, Workbench workbench,
              CsrfGuard csrf) {
        this.usersTemplate = usersTemplate;
        this.users = users;
        this.workbench = workbench;
        this.csrf = csrf;
    }

    @GET
    @Produces(Workbench.HTML)
    public Response list() {
        return render(Map.of(), Map.of(), Response.Status.OK);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(Workbench.HTML)
    public Response create(@RestForm String csrf, @RestForm String username, @RestForm String displayName,
                           @RestForm String role, @RestForm String password) {
        this.csrf.check(csrf);
        Map<String, String> values = new LinkedHashMap<>();
        values.put("username", username == null ? "" : username);
        values.put("displayName", displayName == null ? "" : displayName);
        values.put("role", role == null ? "" : role);
        Map<String, String> errors = new LinkedHashMap<>();
        if (blank(displayName)) {
            errors.put("displayName", "Enter the person's name");
        }
        if (!ROLES.contains(role)) {
            errors.put("role", "Select a role");
        }
        if (errors.isEmpty()) {
            return change(null, errors, values,
                    () -> users.create(new UserBody(username, displayName, role, password, null)));
        }
        return render(errors, values, Response.Status.BAD_REQUEST);
    }

    @POST
    @Path("/{username}/role")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(Workbench.HTML)
    public Response changeRole(@RestPath String username, @RestForm String csrf, @RestForm String role) {
        this.csrf.check(csrf);
        if (!ROLES.contains(role)) {
            return render(Map.of("role-" + username, "Select a role"), Map.of(), Response.Status.BAD_REQUEST);
        }
        return change(username, new LinkedHashMap<>(), Map.of(),
                () -> users.update(username, new UserBody(null, null, role, null, null)));
    }

    @POST
    @Path("/{username}/enabled")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(Workbench.HTML)
    public Response enable(@RestPath String username, @RestForm String csrf, @RestForm String enabled) {
        this.csrf.check(csrf);
        return change(username, new LinkedHashMap<>(), Map.of(),
                () -> users.update(username, new UserBody(null, null, null, null, "true".equals(enabled))));
    }

    @POST
    @Path("/{username}/password")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(Workbench.HTML)
    public Response resetPassword(@RestPath String username, @RestForm String csrf, @RestForm String password) {
        this.csrf.check(csrf);
        if (blank(password)) {
            return render(Map.of("password-" + username, "Enter a new password of at least 12 characters"), Map.of(),
                    Response.Status.BAD_REQUEST);
        }
        return change(username, new LinkedHashMap<>(), Map.of(),
                () -> users.update(username, new UserBody(null, null, null, password, null)));
    }

    /**
     * Makes the change and shows the list again (Post/Redirect/Get), or the form's error: a create's by field,
     * a change of one user's under "password-jsmith" and the like, beside that user's form.
     */
    private Response change(String username, Map<String, String> errors, Map<String, String> values,
                            Supplier<?> call) {
        try {
            call.get();
            return Workbench.seeOther(WorkbenchPaths.ROOT + "/users");
        } catch (InvalidInputException e) {
            String field = e.field() == null ? "form" : e.field();
            String beside = field.equals("role") || field.equals("password") ? field : "form";
            errors.put(username == null ? field : beside + "-" + username, sentence(e.getMessage()));
        } catch (ConflictException e) {
            errors.put(username == null ? "username" : "form-" + username, sentence(e.getMessage()));
        }
        return render(errors, values, Response.Status.BAD_REQUEST);
    }

    private Response render(Map<String, String> errors, Map<String, String> values, Response.Status status) {
        return workbench.page(usersTemplate.data("title", errors.isEmpty() ? "Users" : "Error: Users")
                .data("users", users.list())
                .data("roles", ROLES)
                .data("errors", errors)
                .data("roleErrors", byUser(errors, "role-"))
                .data("passwordErrors", byUser(errors, "password-"))
                .data("formErrors", byUser(errors, "form-"))
                .data("values", values), status);
    }

    /** The errors of one kind of form ("password-jsmith"), by user name, for the form beside each user. */
    private static Map<String, String> byUser(Map<String, String> errors, String prefix) {
        Map<String, String> byUser = new LinkedHashMap<>();
        errors.forEach((field, message) -> {
            if (field.startsWith(prefix)) {
                byUser.put(field.substring(prefix.length()), message);
            }
        });
        return byUser;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String sentence(String message) {
        return Character.toUpperCase(message.charAt(0)) + message.substring(1);
    }
}
