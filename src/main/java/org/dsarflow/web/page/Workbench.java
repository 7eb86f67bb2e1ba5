package org.dsarflow.web.page;

import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.core.Response;
import org.dsarflow.shared.Roles;

import java.net.URI;

/**
 * Renders a workbench page: its template with what the layout needs (who is logged in, the navigation
 * of their role, the session's CSRF token). Pages answer HTML that is never cached, since it holds
 * what a role may see.
 */
@RequestScoped
public class Workbench {

    static final String HTML = "text/html;charset=UTF-8";

    private final SecurityIdentity identity;
    private final CsrfGuard csrf;

    Workbench(SecurityIdentity identity, CsrfGuard csrf) {
        this.identity = identity;
        this.csrf = csrf;
    }

    public Response page(TemplateInstance page) {
        return page(page, Response.Status.OK);
    }

    public Response page(TemplateInstance page, Response.Status status) {
        String html = page.data("account", identity.isAnonymous() ? null : identity.getPrincipal().getName())
                .data("role", role())
                .data("csrf", csrf.token())
                .render();
        return Response.status(status).type(HTML).header("Cache-Control", "no-store").entity(html).build();
    }

    /** After a form: the page to see next (Post/Redirect/Get, so a reload never submits twice). */
    public static Response seeOther(String path) {
        return Response.seeOther(URI.create(path)).build();
    }

    /** The page a role starts on. */
    String home() {
        return switch (role()) {
            case Roles.DPO -> WorkbenchPaths.ROOT + "/inbox";
            case Roles.AUDITOR -> WorkbenchPaths.ROOT + "/requests";
            case Roles.ADMIN -> WorkbenchPaths.ROOT + "/studies";
            default -> "/";
        };
    }

    private String role() {
        for (String role : new String[]{Roles.DPO, Roles.AUDITOR, Roles.ADMIN}) {
            if (identity.hasRole(role)) {
                return role;
            }
        }
        return "";
    }
}
