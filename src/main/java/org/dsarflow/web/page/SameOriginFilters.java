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
 * made with a workbench session cookie (the form login's or the OIDC code flow's) must come from a page of
 * this service, as its Origin (or, without one, its Referer) says. A call with an Authorization header is an
 * API client's, which no other site can make a browser send. The forms' tokens ({@link CsrfGuard}) are
 * checked as well.
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
        boolean bySessionCookie = (request.getCookie(WorkbenchPaths.SESSION_COOKIE) != null
                || request.getCookie(WorkbenchPaths.OIDC_SESSION_COOKIE) != null)
                && context.getHeaderString(HttpHeaders.AUTHORIZATION) == null;
        if (!CHANGES.contains(context.getMethod()) || !(workbench || bySessionCookie)) {
            return null;
        }
        if (fromThisService(context.getHeaderString("Origin"), context.getHeaderString("Referer"),
                request.authority() == null ? null : request.authority().toString())) {
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

    /** Whether the Origin, or without one the Referer, names this service's own host and port. */
    static boolean fromThisService(String origin, String referer, String authority) {
        String from = origin != null && !origin.equals("null") ? origin : referer;
        return from != null && sameAuthority(from, authority);
    }

    private static boolean sameAuthority(String url, String authority) {
        try {
            return authority != null && authority.equalsIgnoreCase(URI.create(url).getRawAuthority());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
