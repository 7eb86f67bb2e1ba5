package org.dsarflow.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import org.dsarflow.deadline.ClockEventRejectedException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract at /q/openapi covers the code: every resource method under /api is an operation with its
 * summary, its roles and its error responses, and every 409 code the code can answer is documented with
 * an example. The workbench's HTML pages (org.dsarflow.web.page) are not the API, and not in it.
 */
@QuarkusTest
class ApiContractTest {

    private static final Pattern CONFLICT_CODE = Pattern.compile("new ConflictException\\(\\s*\"([A-Z_]+)\"");

    private static JsonNode document;

    /** One resource method: its HTTP method and path as the document names them. */
    record Endpoint(String method, String path, Method java) {

        JsonNode operation() {
            return document().path("paths").path(path).path(method);
        }

        @Override
        public String toString() {
            return method.toUpperCase(Locale.ROOT) + " " + path;
        }
    }

    /** Read once, in the first test: the application's port is known only once a test runs. */
    private static JsonNode document() {
        if (document == null) {
            try {
                document = new ObjectMapper().readTree(
                        given().get("/q/openapi?format=json").then().statusCode(200).extract().asString());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return document;
    }

    @Test
    void isOpenApi31() {
        assertThat(document().path("openapi").asText()).startsWith("3.1");
        assertThat(document().path("components").path("securitySchemes").path("basic").path("scheme").asText())
                .isEqualTo("basic");
        assertThat(document().path("components").path("securitySchemes").path("oidc").path("scheme").asText())
                .isEqualTo("bearer");
    }

    @Test
    void everyResourceMethodIsAnOperationWithASummary() {
        List<Endpoint> endpoints = endpoints();
        assertThat(endpoints).hasSizeGreaterThan(25);
        for (Endpoint endpoint : endpoints) {
            assertThat(endpoint.operation().isObject()).as("%s in /q/openapi", endpoint).isTrue();
            Operation operation = endpoint.java().getAnnotation(Operation.class);
            assertThat(operation).as("@Operation on %s", endpoint.java()).isNotNull();
            assertThat(endpoint.operation().path("summary").asText()).as("summary of %s", endpoint)
                    .isEqualTo(operation.summary()).isNotBlank();
        }
    }

    @Test
    void everyOperationNamesTheRolesOfItsMethod() {
        for (Endpoint endpoint : endpoints()) {
            JsonNode operation = endpoint.operation();
            RolesAllowed roles = rolesAllowed(endpoint.java());
            if (roles == null) {
                assertThat(endpoint.java().isAnnotationPresent(PermitAll.class)).as("%s is public", endpoint).isTrue();
                assertThat(operation.has("security")).as("security of public %s", endpoint).isFalse();
                assertThat(operation.path("description").asText()).contains("Open to anyone");
                continue;
            }
            List<String> expected = List.of(roles.value());
            assertThat(operation.path("description").asText()).as("description of %s", endpoint)
                    .endsWith("Roles: " + String.join(", ", expected) + ".");
            assertThat(operation.path("security")).as("security of %s", endpoint).hasSize(2);
            assertThat(texts(operation.path("security").get(0).path("basic"))).isEqualTo(expected);
            assertThat(texts(operation.path("security").get(1).path("oidc"))).isEqualTo(expected);
            assertThat(operation.path("responses").fieldNames()).toIterable().as("responses of %s", endpoint)
                    .contains("401", "403");
        }
    }

    @Test
    void everyOperationDeclaresItsErrorResponses() {
        for (Endpoint endpoint : endpoints()) {
            JsonNode responses = endpoint.operation().path("responses");
            assertThat(responses.path("500").path("$ref").asText()).as("500 of %s", endpoint)
                    .isEqualTo("#/components/responses/Internal");
            if (endpoint.path().contains("{")) {
                assertThat(responses.path("404").path("$ref").asText()).as("404 of %s", endpoint)
                        .isEqualTo("#/components/responses/NotFound");
            }
            if (takesInput(endpoint.java())) {
                assertThat(responses.path("400").path("$ref").asText()).as("400 of %s", endpoint)
                        .isEqualTo("#/components/responses/InvalidInput");
            }
            JsonNode conflict = responses.path("409");
            if (!conflict.isMissingNode()) {
                JsonNode examples = conflict.path("content").path("application/problem+json").path("examples");
                assertThat(examples.size()).as("409 examples of %s", endpoint).isPositive();
                examples.fields().forEachRemaining(example -> assertThat(example.getValue().path("$ref").asText())
                        .isEqualTo("#/components/examples/" + example.getKey()));
            }
            responses.fields().forEachRemaining(response -> {
                if (response.getKey().startsWith("2")) {
                    assertThat(response.getValue().path("content").size()).as("content of %s %s", endpoint,
                            response.getKey()).isPositive();
                }
            });
        }
    }

    /** Each stable code of a 409 in the code is an example named by the code, on an operation that can answer it. */
    @Test
    void everyConflictCodeIsDocumented() throws IOException {
        Set<String> codes = new TreeSet<>(conflictCodesInTheCode());
        assertThat(codes).contains("REQUEST_CLOSED", "NOT_AWAITING_REVIEW", "CLOCK_NOT_RUNNING",
                "IDEMPOTENCY_KEY_REUSED", "CONCURRENT_CHANGE", "OUT_OF_ORDER");
        Set<String> onOperations = new TreeSet<>();
        for (Endpoint endpoint : endpoints()) {
            endpoint.operation().path("responses").path("409").path("content").path("application/problem+json")
                    .path("examples").fieldNames().forEachRemaining(onOperations::add);
        }
        assertThat(onOperations).containsAll(codes);
        JsonNode examples = document().path("components").path("examples");
        for (String code : onOperations) {
            JsonNode value = examples.path(code).path("value");
            assertThat(value.path("code").asText()).as("example %s", code).isEqualTo(code);
            assertThat(value.path("status").asInt()).isEqualTo(409);
            assertThat(value.path("type").asText()).isEqualTo("/problems/conflict");
        }
        assertThat(codes).as("codes the code answers").containsAll(onOperations);
    }

    @Test
    void everyReferenceResolves() {
        List<String> references = new ArrayList<>();
        collectReferences(document(), references);
        assertThat(references).isNotEmpty();
        for (String reference : references) {
            JsonNode target = document();
            for (String part : reference.substring(2).split("/")) {
                target = target.path(part);
            }
            assertThat(target.isMissingNode()).as(reference).isFalse();
        }
    }

    /** Every resource is the API, under /api, or a workbench page, HTML outside /api and outside the document. */
    @Test
    void theWorkbenchPagesAreNotTheApi() {
        for (JavaClass type : resources()) {
            Class<?> resource = type.reflect();
            boolean page = resource.getPackageName().equals("org.dsarflow.web.page");
            assertThat(resource.getAnnotation(Path.class).value().startsWith("/api")).as("%s under /api", resource)
                    .isNotEqualTo(page);
        }
        document().path("paths").fieldNames().forEachRemaining(path -> assertThat(path).startsWith("/api/"));
    }

    @Test
    void swaggerUiIsServed() {
        given().get("/q/swagger-ui/").then().statusCode(200);
    }

    /** The codes of ConflictException in the main sources, the clock's rejections, and the mapper's own. */
    private static Set<String> conflictCodesInTheCode() throws IOException {
        Set<String> codes = new TreeSet<>();
        try (Stream<java.nio.file.Path> sources = Files.walk(Paths.get("src", "main", "java"))) {
            for (java.nio.file.Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher matcher = CONFLICT_CODE.matcher(Files.readString(source));
                while (matcher.find()) {
                    codes.add(matcher.group(1));
                }
            }
        }
        Arrays.stream(ClockEventRejectedException.Reason.values()).map(Enum::name).forEach(codes::add);
        codes.add("CONCURRENT_CHANGE");
        return codes;
    }

    private static List<Endpoint> endpoints() {
        List<Endpoint> endpoints = new ArrayList<>();
        for (JavaClass type : resources()) {
            Class<?> resource = type.reflect();
            Path root = resource.getAnnotation(Path.class);
            if (!root.value().startsWith("/api")) {
                continue;
            }
            for (Method method : resource.getDeclaredMethods()) {
                String verb = httpMethod(method);
                if (verb != null) {
                    Path sub = method.getAnnotation(Path.class);
                    String path = (root.value() + (sub == null ? "" : "/" + sub.value())).replaceAll("/+", "/");
                    endpoints.add(new Endpoint(verb.toLowerCase(Locale.ROOT),
                            path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path,
                            method));
                }
            }
        }
        return endpoints;
    }

    /** The classes of org.dsarflow.web and its sub-packages that are JAX-RS resources. */
    private static List<JavaClass> resources() {
        List<JavaClass> resources = new ArrayList<>();
        for (JavaClass type : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.dsarflow.web")) {
            if (type.isAnnotatedWith(Path.class)) {
                resources.add(type);
            }
        }
        return resources;
    }

    private static String httpMethod(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod verb = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (verb != null) {
                return verb.value();
            }
        }
        return null;
    }

    private static RolesAllowed rolesAllowed(Method method) {
        RolesAllowed onMethod = method.getAnnotation(RolesAllowed.class);
        return onMethod != null ? onMethod : method.getDeclaringClass().getAnnotation(RolesAllowed.class);
    }

    /** A body or a query parameter: something the caller can get wrong (path parameters answer 404). */
    private static boolean takesInput(Method method) {
        return Arrays.stream(method.getParameters()).anyMatch(p -> p.isAnnotationPresent(RestQuery.class)
                || (!p.isAnnotationPresent(RestPath.class)
                && !p.isAnnotationPresent(org.jboss.resteasy.reactive.RestHeader.class)
                && !p.getType().getName().startsWith("jakarta.ws.rs.core")));
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }

    private static void collectReferences(JsonNode node, List<String> into) {
        if (node.isObject()) {
            Iterator<String> names = node.fieldNames();
            while (names.hasNext()) {
                String name = names.next();
                if (name.equals("$ref") && node.get(name).isTextual()) {
                    into.add(node.get(name).asText());
                } else {
                    collectReferences(node.get(name), into);
                }
            }
        } else if (node.isArray()) {
            node.forEach(element -> collectReferences(element, into));
        }
    }
}
