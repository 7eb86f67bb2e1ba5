package org.dsarflow.shared;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.net.URI;
import java.time.DateTimeException;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The one place where failures become RFC 9457 problem details. Details are written here, never
 * copied from an exception message of a library, because those can quote the input back, and the
 * input may be personal data.
 */
public class ProblemMapper {

    public static final String PROBLEM_JSON = "application/problem+json";
    static final String TYPE_BASE = "/problems/";

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    @ServerExceptionMapper
    public Response invalidInput(InvalidInputException e, UriInfo uri) {
        return respond(400, "invalid-input", "Invalid input", e.getMessage(), uri, e.field(), null, null);
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldProblem> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldProblem(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldProblem::field))
                .toList();
        Problem.FieldProblem first = errors.get(0);
        String detail = errors.stream().map(p -> p.field() + " " + p.detail()).collect(Collectors.joining("; "));
        return respond(400, "invalid-input", "Invalid input", detail, uri, first.field(), null, errors);
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonParseException e, UriInfo uri) {
        return respond(400, "malformed-json", "Malformed JSON", "The request body is not well-formed JSON.",
                uri, null, null, null);
    }

    /** A body past the limits of DsarConfig.Limits, before it could be read into fields. */
    @ServerExceptionMapper
    public Response tooLarge(StreamConstraintsException e, UriInfo uri) {
        return respond(400, "invalid-input", "Invalid input", "The request body " + constraintBroken(e) + ".",
                uri, "body", null, null);
    }

    /** Named explicitly: Quarkus maps MismatchedInputException itself, with an empty body in prod. */
    @ServerExceptionMapper({JsonMappingException.class, MismatchedInputException.class})
    public Response unmappableJson(JsonMappingException e, UriInfo uri) {
        if (e instanceof ValueInstantiationException && e.getCause() instanceof InvalidInputException invalid) {
            return invalidInput(invalid, uri);
        }
        String field = pathOf(e);
        String detail = field == null
                ? "The request body does not have the expected shape."
                : field + " " + expectation(e);
        return respond(400, "invalid-input", "Invalid input", detail, uri, field, null, null);
    }

    @ServerExceptionMapper
    public Response unknownResource(UnknownResourceException e, UriInfo uri) {
        return respond(404, "not-found", "Not found", e.getMessage(), uri, null, null, null);
    }

    @ServerExceptionMapper
    public Response conflict(ConflictException e, UriInfo uri) {
        return respond(409, "conflict", "Not allowed now", e.getMessage(), uri, null, e.code(), null);
    }

    @ServerExceptionMapper({OptimisticLockException.class, OptimisticLockingException.class})
    public Response concurrentChange(RuntimeException e, UriInfo uri) {
        return respond(409, "conflict", "Concurrent change",
                "The request was changed by someone else at the same time; read it again and retry.",
                uri, null, "CONCURRENT_CHANGE", null);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        // The JSON reader wraps some parse failures in a plain 400.
        if (e.getCause() instanceof StreamConstraintsException limit) {
            return tooLarge(limit, uri);
        }
        if (e.getCause() instanceof JsonParseException parse) {
            return malformedJson(parse, uri);
        }
        if (e.getCause() instanceof JsonMappingException mapping) {
            return unmappableJson(mapping, uri);
        }
        if (e.getCause() instanceof JsonProcessingException) {
            return respond(400, "malformed-json", "Malformed JSON", "The request body is not well-formed JSON.",
                    uri, null, null, null);
        }
        int status = e.getResponse().getStatus();
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known == null ? "HTTP " + status : known.getReasonPhrase();
        String type = status == 404 ? "not-found" : title.toLowerCase().replace(' ', '-');
        return respond(status, type, title, title + ".", uri, null, null, null);
    }

    /**
     * Credentials that were sent and refused, or none where an endpoint needs them. A throttled login is a
     * 429 that says when to try again; the challenge header keeps a browser or client asking for Basic.
     */
    @ServerExceptionMapper({AuthenticationFailedException.class, UnauthorizedException.class,
            LoginThrottledException.class})
    public Response unauthenticated(RuntimeException e, UriInfo uri) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof LoginThrottledException throttled) {
                return Response.fromResponse(respond(429, "too-many-requests", "Too many failed logins",
                                "Too many failed logins; try again in " + throttled.retryAfter().toSeconds()
                                        + " seconds.", uri, null, "LOGIN_THROTTLED", null))
                        .header("Retry-After", throttled.retryAfter().toSeconds()).build();
            }
        }
        String path = uri.getPath();
        if (!path.startsWith("/api/") && !path.startsWith("/q/")) {
            // A workbench page or the login form's post: a browser goes to the login page, after a wrong
            // password back to it with the error, as the form login would send it.
            return Response.status(Response.Status.FOUND).location(URI.create(formPage(
                    path.equals("/j_security_check") ? "error-page" : "login-page"))).build();
        }
        return Response.fromResponse(respond(401, "unauthorized", "Unauthorized",
                        "Valid credentials are needed: HTTP Basic or an OIDC bearer token.", uri, null, null, null))
                .header("WWW-Authenticate", "Basic realm=\"dsarflow\"").build();
    }

    private static String formPage(String which) {
        return ConfigProvider.getConfig().getOptionalValue("quarkus.http.auth.form." + which, String.class).orElse("/");
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(403, "forbidden", "Forbidden", "Your role may not do this.", uri, null, null, null);
    }

    /** Deadline arithmetic past the years a date can hold. */
    @ServerExceptionMapper
    public Response unrepresentableDate(DateTimeException e, UriInfo uri) {
        return respond(400, "invalid-input", "Invalid input", "A date is outside the years 1 to 9999.",
                uri, null, null, null);
    }

    /**
     * A race lost at the database (unique key taken, row locked or changed by another transaction) is a
     * 409 the client may retry; a value the database cannot store is a 400. Anything else is ours: a 500.
     */
    @ServerExceptionMapper
    public Response unexpected(Exception e, UriInfo uri) {
        String sqlState = ConcurrentChange.sqlStateOf(e);
        if (ConcurrentChange.lostOptimisticLock(e)) {
            return concurrentChange(null, uri);
        }
        if ("23505".equals(sqlState)) {
            return respond(409, "conflict", "Already exists",
                    "Another request created the same thing at the same time; read it again.", uri, null,
                    "ALREADY_EXISTS", null);
        }
        if (sqlState != null && LOCK_TIMEOUTS.contains(sqlState)) {
            return respond(409, "conflict", "Busy", "Another request holds what this one needs; retry shortly.",
                    uri, null, "LOCK_TIMEOUT", null);
        }
        if (sqlState != null && sqlState.startsWith("22")) {
            return respond(400, "invalid-input", "Invalid input",
                    "A value is too long, out of range or holds characters that cannot be stored.", uri, null,
                    null, null);
        }
        // Log the exception classes and where they were thrown, not their messages: a driver's
        // message can quote the row it failed on.
        String incident = UUID.randomUUID().toString();
        LOG.errorf("Unexpected failure %s on %s: %s", incident, uri.getPath(), describe(e));
        return respond(500, "internal", "Internal error",
                "Something went wrong on our side; quote incident " + incident + " to the operator.",
                uri, null, null, null);
    }

    /** H2 and PostgreSQL: lock timeout, lock not available, deadlock, serialization failure. */
    private static final Set<String> LOCK_TIMEOUTS = Set.of("HYT00", "55P03", "40P01", "40001");

    private static String constraintBroken(StreamConstraintsException e) {
        String message = String.valueOf(e.getOriginalMessage()).toLowerCase(Locale.ROOT);
        if (message.contains("nesting")) {
            return "nests too deeply";
        }
        if (message.contains("string")) {
            return "holds a string that is too long";
        }
        return "is too large";
    }

    private static Response respond(int status, String type, String title, String detail, UriInfo uri,
                                    String field, String code, List<Problem.FieldProblem> errors) {
        Problem problem = new Problem(TYPE_BASE + type, title, status, detail,
                uri == null ? null : uri.getPath(), field, code, errors);
        return Response.status(status).type(PROBLEM_JSON).entity(problem).build();
    }

    /**
     * "log.body.requester.email" becomes "requester.email": the client knows no method names. A list
     * element keeps its index ("amendments[0].holdingKey"), as in a JSON mapping failure. Map keys and
     * values ("&lt;map value&gt;") are named by their map, so a submitted value is never echoed.
     */
    private static String fieldOf(ConstraintViolation<?> violation) {
        List<String> nodes = new ArrayList<>();
        for (Path.Node node : violation.getPropertyPath()) {
            // A node's index is its place in the list named by the node before it.
            if (node.isInIterable() && node.getIndex() != null && !nodes.isEmpty()) {
                nodes.set(nodes.size() - 1, nodes.get(nodes.size() - 1) + "[" + node.getIndex() + "]");
            }
            String name = node.getName();
            if (name != null && !name.isEmpty() && !name.startsWith("<")) {
                nodes.add(name);
            }
        }
        int start = nodes.size() > 2 ? 2 : Math.min(1, nodes.size() - 1);
        return String.join(".", nodes.subList(Math.max(start, 0), nodes.size()));
    }

    private static String pathOf(JsonMappingException e) {
        String path = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
        return path.isEmpty() ? null : path;
    }

    private static String expectation(JsonMappingException e) {
        if (e instanceof StrictJson.UnstorableValueException unstorable) {
            return unstorable.expectation();
        }
        if (e instanceof UnrecognizedPropertyException) {
            return "is not a known property";
        }
        if (e.getCause() instanceof StreamConstraintsException limit) {
            return constraintBroken(limit).replace("holds a string that is", "is");
        }
        if (e instanceof InvalidFormatException format && format.getTargetType() != null) {
            Class<?> target = format.getTargetType();
            if (target.isEnum()) {
                return "must be one of " + Arrays.stream(target.getEnumConstants())
                        .map(Object::toString).collect(Collectors.joining(", "));
            }
            if (Temporal.class.isAssignableFrom(target)) {
                return "is not a valid ISO date";
            }
        }
        return "has the wrong type or format";
    }

    private static String describe(Throwable e) {
        StringBuilder chain = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            StackTraceElement[] frames = t.getStackTrace();
            chain.append(chain.isEmpty() ? "" : " <- ").append(t.getClass().getName())
                    .append(frames.length == 0 ? "" : " at " + frames[0]);
        }
        return chain.toString();
    }
}
