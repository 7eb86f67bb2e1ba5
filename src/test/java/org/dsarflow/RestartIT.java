package org.dsarflow;

import io.restassured.builder.RequestSpecBuilder;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.TestAbortedException;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static io.restassured.RestAssured.preemptive;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Requests and their process instances outlive the application: the packaged jar runs as a child
 * process, is stopped (gracefully, or with SIGKILL) and started again on the same database.
 */
class RestartIT {

    private static final String APP_JAR = PackagedApp.APP_JAR;
    private static final String DPO_PASSWORD = "dpo-restart-it";
    private static final Duration READY_WITHIN = Duration.ofSeconds(60);
    private static final Duration STOP_WITHIN = Duration.ofSeconds(30);
    /** The application's default zone: its "today" decides how long an open pause has lasted. */
    private static final ZoneId CONTROLLER_ZONE = ZoneId.of("Europe/London");

    @TempDir
    Path dataDir;

    @RegisterExtension
    final ChildLogs childLogs = new ChildLogs();

    private final List<Process> children = new ArrayList<>();

    @BeforeEach
    void packagedApplication() {
        assertThat(APP_JAR).as("system property dsar.app.jar (set by failsafe after package)").isNotBlank();
        assertThat(Path.of(APP_JAR)).exists();
    }

    @AfterEach
    void noChildSurvives() throws InterruptedException {
        for (Process child : children) {
            if (child.isAlive()) {
                child.destroyForcibly();
                child.waitFor(STOP_WITHIN.toSeconds(), TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void requestsAndTheirProcessInstancesSurviveARestart() throws Exception {
        LocalDate firstDay = LocalDate.now(CONTROLLER_ZONE);
        String idempotencyKey = "restart-it-" + UUID.randomUUID();
        String idempotentBody = requestBody("PORTABILITY", "2025-09-15", "WEB_FORM");

        App first = start();
        Map<String, Object> toCancel = logRequest(first, requestBody("ACCESS", "2025-03-10", "EMAIL"));
        Map<String, Object> toClarify = logRequest(first, requestBody("ERASURE", "2025-06-02T10:15:00+01:00", "POST"));
        Map<String, Object> untouched = logRequest(first, requestBody("RECTIFICATION", "2025-10-01", "PHONE"));
        Map<String, Object> idempotent = logIdempotently(first, idempotencyKey, idempotentBody, 201);
        Map<String, Object> paused = clockEvent(first, reference(toClarify), "CLARIFICATION_REQUESTED", "2025-06-04");
        assertThat(paused).containsEntry("status", "AWAITING_CLARIFICATION");
        assertThat(clock(paused)).containsEntry("state", "PAUSED").containsEntry("pausedSince", "2025-06-04");
        // Read just before the stop: a view names the person's other requests as they stand then, so the
        // answers to each POST, taken while the later requests did not yet exist, would differ.
        List<Map<String, Object>> before = Stream.of(toCancel, paused, untouched, idempotent)
                .map(view -> view(first, reference(view))).toList();
        first.stop();

        App second = start();
        List<Map<String, Object>> after = before.stream().map(view -> view(second, reference(view))).toList();
        // A paused clock's deadline moves every day: views from either side of midnight may differ.
        assumeTrue(LocalDate.now(CONTROLLER_ZONE).equals(firstDay), "the date changed during the test");
        assertThat(after).isEqualTo(before);

        Map<String, Object> replayed = logIdempotently(second, idempotencyKey, idempotentBody, 200);
        assertThat(reference(replayed)).isEqualTo(reference(idempotent));

        // Both calls correlate a BPMN message with the request's instance: a lost instance answers 500.
        Map<String, Object> resumed = clockEvent(second, reference(paused), "CLARIFICATION_RECEIVED", "2025-06-13");
        assertThat(resumed).containsEntry("status", "IN_PROGRESS");
        assertThat(clock(resumed)).containsEntry("state", "RUNNING").containsEntry("pausedSince", null);
        assertThat(resumed.get("deadline")).isNotNull().isNotEqualTo(paused.get("deadline"));
        assertThat(cancel(second, reference(toCancel))).containsEntry("status", "CANCELLED");

        Map<String, Object> fresh = logRequest(second, requestBody("OBJECTION", "2025-11-03", "EMAIL"));
        assertThat(number(fresh))
                .as("the reference sequence carries on after a restart")
                .isGreaterThan(before.stream().mapToLong(RestartIT::number).max().orElseThrow());
        second.stop();
    }

    @Test
    void loggedRequestsSurviveAKill() throws Exception {
        App first = start();
        // Several in a row, so that the kill comes right after commits, not after an idle spell.
        List<Map<String, Object>> logged = List.of(
                logRequest(first, requestBody("RESTRICTION", "2025-04-22", "IN_PERSON")),
                logRequest(first, requestBody("ACCESS", "2025-05-06", "EMAIL")),
                logRequest(first, requestBody("ERASURE", "2025-05-07", "WEB_FORM")));
        first.kill();

        App second = start();
        for (Map<String, Object> view : logged) {
            assertThat(view(second, reference(view))).isEqualTo(view);
        }
        assertThat(cancel(second, reference(logged.get(2)))).containsEntry("status", "CANCELLED");
        second.stop();
    }

    @Test
    void refusesToStartWithoutTheIdentifierKey() throws Exception {
        Process process = launch(PackagedApp.freePort(), false);
        assertThat(process.waitFor(READY_WITHIN.toSeconds(), java.util.concurrent.TimeUnit.SECONDS))
                .as("the application stops by itself").isTrue();
        assertThat(process.exitValue()).isNotZero();
        assertThat(Files.readString(dataDir.resolve("app-1.log"))).contains("dsar.identifier-key");
    }

    /** Starts the packaged application on this test's data directory (or database) and waits until it is ready. */
    private App start() throws IOException, InterruptedException {
        int port = PackagedApp.freePort();
        App app = new App(launch(port, true), port);
        app.awaitReady();
        return app;
    }

    /** Launches the packaged application, with or without the identifier key it needs outside dev and test. */
    private Process launch(int port, boolean withIdentifierKey) throws IOException {
        Path log = dataDir.resolve("app-" + (children.size() + 1) + ".log");
        ProcessBuilder builder = PackagedApp.launcher(port, dataDir, log);
        Map<String, String> env = builder.environment();
        env.put("DSAR_DPO_PASSWORD", DPO_PASSWORD);
        env.put("DSAR_ADMIN_PASSWORD", "admin-restart-it");
        env.put("DSAR_AUDITOR_PASSWORD", "auditor-restart-it");
        if (withIdentifierKey) {
            // The same key on every start: identifiers hashed before a restart must still match after it.
            env.put("DSAR_IDENTIFIER_KEY", "restart-it-identifier-key-of-at-least-32-bytes");
        }
        childLogs.add(log);
        Process process = builder.start();
        children.add(process);
        return process;
    }

    private static String requestBody(String type, String receivedAt, String channel) {
        return """
                {"type": "%s", "receivedAt": "%s", "channel": "%s",
                 "requester": {"name": "Restart Test", "email": "restart.test@example.org"}}
                """.formatted(type, receivedAt, channel);
    }

    private static Map<String, Object> logRequest(App app, String body) {
        return given().spec(app.dpo()).body(body)
                .when().post("/api/requests")
                .then().log().ifValidationFails().statusCode(201)
                .extract().jsonPath().getMap("$");
    }

    private static Map<String, Object> logIdempotently(App app, String key, String body, int expectedStatus) {
        return given().spec(app.dpo()).header("Idempotency-Key", key).body(body)
                .when().post("/api/requests")
                .then().log().ifValidationFails().statusCode(expectedStatus)
                .extract().jsonPath().getMap("$");
    }

    private static Map<String, Object> view(App app, String reference) {
        return given().spec(app.dpo())
                .when().get("/api/requests/{reference}", reference)
                .then().log().ifValidationFails().statusCode(200)
                .extract().jsonPath().getMap("$");
    }

    private static Map<String, Object> clockEvent(App app, String reference, String kind, String on) {
        return given().spec(app.dpo()).body("{\"kind\": \"%s\", \"on\": \"%s\"}".formatted(kind, on))
                .when().post("/api/requests/{reference}/clock-events", reference)
                .then().log().ifValidationFails().statusCode(200)
                .extract().jsonPath().getMap("$");
    }

    private static Map<String, Object> cancel(App app, String reference) {
        return given().spec(app.dpo()).body("{\"reason\": \"Requester withdrew\"}")
                .when().post("/api/requests/{reference}/cancel", reference)
                .then().log().ifValidationFails().statusCode(200)
                .extract().jsonPath().getMap("$");
    }

    private static String reference(Map<String, Object> view) {
        return (String) view.get("reference");
    }

    /** DSAR-2025-000042 is number 42, drawn from the database sequence. */
    private static long number(Map<String, Object> view) {
        String reference = reference(view);
        return Long.parseLong(reference.substring(reference.lastIndexOf('-') + 1));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> clock(Map<String, Object> view) {
        return (Map<String, Object>) view.get("clock");
    }

    /** One run of the packaged application. */
    private record App(Process process, int port) {

        RequestSpecification dpo() {
            return new RequestSpecBuilder()
                    .setBaseUri("http://localhost")
                    .setPort(port)
                    .setAuth(preemptive().basic("dpo", DPO_PASSWORD))
                    .setContentType(ContentType.JSON)
                    .build();
        }

        void awaitReady() throws InterruptedException {
            PackagedApp.awaitReady(process, port);
        }

        /** SIGTERM: Quarkus shuts down, the engine and the database close cleanly. */
        void stop() throws InterruptedException {
            process.destroy();
            assertThat(process.waitFor(STOP_WITHIN.toSeconds(), TimeUnit.SECONDS))
                    .as("the application stopped within %s", STOP_WITHIN).isTrue();
        }

        /** SIGKILL: nothing runs on the way out, as after a crash or an OOM kill. */
        void kill() throws InterruptedException {
            process.destroyForcibly();
            assertThat(process.waitFor(STOP_WITHIN.toSeconds(), TimeUnit.SECONDS))
                    .as("the application died within %s", STOP_WITHIN).isTrue();
        }
    }

    /**
     * Prints the tail of every child log when a test fails. Done around the test method, because the
     * temporary directory holding the logs is gone by the time a TestWatcher hears of the failure.
     */
    static final class ChildLogs implements InvocationInterceptor {

        private static final int TAIL_LINES = 80;

        private final List<Path> logs = new ArrayList<>();

        void add(Path log) {
            logs.add(log);
        }

        @Override
        public void interceptTestMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> method,
                                        ExtensionContext context) throws Throwable {
            try {
                invocation.proceed();
            } catch (TestAbortedException aborted) {
                throw aborted;
            } catch (Throwable failure) {
                logs.forEach(ChildLogs::printTail);
                throw failure;
            }
        }

        private static void printTail(Path log) {
            try {
                List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
                System.err.printf("---- last %d lines of %s ----%n", TAIL_LINES, log.getFileName());
                lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size()).forEach(System.err::println);
            } catch (IOException e) {
                System.err.println("---- " + log.getFileName() + " unreadable: " + e);
            }
        }
    }
}
