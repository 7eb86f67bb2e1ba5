package org.dsarflow.web.page;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The login form's post ({@code /j_security_check}, handled by Quarkus' form authentication before any
 * resource) must come from this service's own login page too, so no other site can log a browser in
 * under an account of its choosing.
 */
@ApplicationScoped
public class LoginOrigin {

    private static final String LOGIN = "/j_security_check";

    void register(@Observes Filters filters) {
        // A high priority: before authentication reads the form.
        filters.register(context -> {
            HttpServerRequest request = context.request();
            if (request.method() == HttpMethod.POST && LOGIN.equals(context.normalizedPath())
                    && !SameOriginFilters.fromThisService(request.getHeader("Origin"), request.getHeader("Referer"),
                    request.authority() == null ? null : request.authority().toString())) {
                context.response().setStatusCode(403).end();
                return;
            }
            context.next();
        }, 1000);
    }
}
