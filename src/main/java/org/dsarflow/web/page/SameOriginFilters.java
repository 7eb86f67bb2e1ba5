package org.dsarflow.web.page;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import org.dsarflow.shared.Problem;
import org.dsarflow.shared.ProblemMapper;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.net.URI;
import java.util.Set;

/**
 * Cross-site request forgery, refused before any resource runs: a change (POST, PUT, PATCH, DELETE)
 * made with the workbench's session cookie must come from a page of this service, as its Origin (or,
 * without one, its Referer) says. A call with an Authorization header is an API client's, which no
 * other site can make a browser send. The forms' tokens ({@link CsrfGuard}) are checked as well.
 */
public class SameOriginFilters {

    private static final Set<String> CHANGES = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final CsrfGuard guard;

    SameOriginFilters(CsrfGuard guard) {
        this.guard = guard;
    }

    @ServerRequestFilter(preMatching = true)
    public Response sameOrigin(ContainerRequestContext context, HttpServerRequest request) {
        boolean workbench = context.getUriInfo().getPath().startsWith(WorkbenchPaths.ROOT);
        boolean bySessionCookie = request.getCookie(WorkbenchPaths.SESSION_COOKIE) != null
                && context.getHeaderString(HttpHeaders.AUTHORIZATION) == null;
        if (!CHANGES.contains(context.getMethod()) || !(workbench || bySessionCookie)) {
            return null;
        }
        String origin = context.getHeaderString("Origin");
        String from = origin != null && !origin.equals("null") ? origin : context.getHeaderString("Referer");
        if (from != null && sameAuthority(from, request.authority() == null ? null : request.authority().toString())) {
            return null;
        }
        return Response.status(Response.Status.FORBIDDEN).type(ProblemMapper.PROBLEM_JSON)
                .entity(new Problem("/problems/forbidden", "Forbidden", 403,
                        "A change must come from a page of this service.", context.getUriInfo().getPath(),
                        null, "CROSS_SITE_REQUEST", null))
                .build();
    }

    /** Sets the session's CSRF nonce when a page started it. */
    @ServerResponseFilter
    public void issueNonce(ContainerResponseContext response) {
        String nonce = guard.issuedNonce();
        if (nonce != null) {
            response.getHeaders().add(HttpHeaders.SET_COOKIE, new NewCookie.Builder(CsrfGuard.COOKIE)
                    .value(nonce).path("/").httpOnly(true).sameSite(NewCookie.SameSite.STRICT).build());
        }
    }

    private static boolean sameAuthority(String url, String authority) {
        try {
            return authority != null && authority.equalsIgnoreCase(URI.create(url).getRawAuthority());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
