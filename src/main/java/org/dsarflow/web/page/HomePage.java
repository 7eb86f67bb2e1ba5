package org.dsarflow.web.page;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * The front door: the login page when nobody is logged in, else the start page of the account's role.
 * The login form posts to Quarkus' form authentication ({@code /j_security_check}), which checks the same
 * accounts as HTTP Basic and sets the encrypted session cookie. With OIDC on, the page offers the code flow too.
 */
@Path("/")
public class HomePage {

    private final Template login;
    private final Workbench workbench;
    private final SecurityIdentity identity;
    private final CsrfGuard csrf;

    private final boolean oidc;

    HomePage(@Location("pages/login.html") Template login, Workbench workbench, SecurityIdentity identity,
             CsrfGuard csrf,
             @ConfigProperty(name = "quarkus.oidc.workbench.tenant-enabled", defaultValue = "false") boolean oidc) {
        this.login = login;
        this.oidc = oidc;
        this.workbench = workbench;
        this.identity = identity;
        this.csrf = csrf;
    }

    @GET
    @PermitAll
    @Produces(Workbench.HTML)
    public Response home(@RestQuery String error) {
        if (identity.isAnonymous()) {
            return workbench.page(login.data("failed", error != null).data("title", "Sign in").data("oidc", oidc));
        }
        return Workbench.seeOther(workbench.home());
    }

    /**
     * The end of the OIDC code flow (the sign-in with the organisation's account): Quarkus has checked the
     * provider's answer before this runs, so the account's own start page follows.
     */
    @GET
    @Path("workbench/oidc/login")
    @Authenticated
    public Response signedInWithOidc() {
        return Workbench.seeOther(workbench.home());
    }

    /** Ends the session, either kind: its cookies are cleared, and the login page follows. */
    @POST
    @Path("workbench/logout")
    @Authenticated
    public Response logout(@RestForm String csrf) {
        this.csrf.check(csrf);
        return Response.seeOther(java.net.URI.create("/"))
                .cookie(expired(WorkbenchPaths.SESSION_COOKIE), expired(WorkbenchPaths.OIDC_SESSION_COOKIE),
                        expired(CsrfGuard.COOKIE))
                .build();
    }

    private static NewCookie expired(String name) {
        return new NewCookie.Builder(name).value("").path("/").maxAge(0).httpOnly(true)
                .sameSite(NewCookie.SameSite.STRICT).build();
    }
}
