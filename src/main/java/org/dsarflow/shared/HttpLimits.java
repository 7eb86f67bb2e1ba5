package org.dsarflow.shared;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Base64;
import java.util.Locale;
import java.util.Map;

/**
 * Limits of a request's line, headers and declared body, checked before anything reads them, so the
 * client gets a problem body (414, 431, 413) instead of the HTTP server's empty answer. The server's own
 * limits (application.properties) sit above these and catch only what is far past them. A NUL in the path
 * or query (%00) is refused here too: no database column can hold it.
 */
@ApplicationScoped
public class HttpLimits {

    /** Before any other route, authentication included. */
    private static final int FIRST = Integer.MIN_VALUE + 100;

    private final DsarConfig config;
    private final ObjectMapper json;
    private final long maxBody;

    HttpLimits(DsarConfig config, ObjectMapper json,
               @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBody) {
        this.config = config;
        this.json = json;
        this.maxBody = maxBody.asLongValue();
    }

    void install(@Observes Router router) {
        router.route().order(FIRST).handler(this::check);
    }

    private void check(RoutingContext context) {
        HttpServerRequest request = context.request();
        DsarConfig.Limits limits = config.limits();
        String uri = request.uri();
        if (request.method().name().length() + uri.length() + " HTTP/1.1".length() + 1 > limits.requestLineLength()) {
            refuse(context, 414, "uri-too-long", "URI too long",
                    "The request line is longer than " + limits.requestLineLength() + " bytes.", null);
            return;
        }
        long headerBytes = 0;
        for (Map.Entry<String, String> header : request.headers()) {
            headerBytes += header.getKey().length() + header.getValue().length() + 4;
        }
        if (headerBytes > limits.headerSize()) {
            refuse(context, 431, "headers-too-large", "Request header fields too large",
                    "The request headers are larger than " + limits.headerSize() + " bytes.", null);
            return;
        }
        String declared = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (declared != null && declaredLength(declared) > maxBody) {
            refuse(context, 413, "content-too-large", "Content too large",
                    "The request body is larger than " + maxBody + " bytes.", null);
            return;
        }
        int nul = uri.toLowerCase(Locale.ROOT).indexOf("%00");
        if (nul >= 0) {
            int query = uri.indexOf('?');
            refuse(context, 400, "invalid-input", "Invalid input", "The address must not contain a NUL character.",
                    query >= 0 && nul > query ? "query" : "path");
            return;
        }
        if (unreadableBasic(request.getHeader(HttpHeaders.AUTHORIZATION))) {
            // Credentials that cannot even be decoded count as none: a 401 problem where an endpoint needs
            // them, nothing where it does not.
            request.headers().remove(HttpHeaders.AUTHORIZATION);
        }
        context.next();
    }

    private static boolean unreadableBasic(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, "Basic ".length())) {
            return false;
        }
        try {
            Base64.getDecoder().decode(authorization.substring("Basic ".length()).strip());
            return false;
        } catch (IllegalArgumentException e) {
            return true;
        }
    }

    private static long declaredLength(String declared) {
        try {
            return Long.parseLong(declared.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private void refuse(RoutingContext context, int status, String type, String title, String detail, String field) {
        Problem problem = new Problem(ProblemMapper.TYPE_BASE + type, title, status, detail,
                context.request().path(), field, null, null);
        String body;
        try {
            body = json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A problem record is always writable", e);
        }
        context.response().setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, ProblemMapper.PROBLEM_JSON)
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end(body);
    }
}
