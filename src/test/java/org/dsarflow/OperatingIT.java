package org.dsarflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operator's surface of the packaged application, as it runs in production: the API contract and
 * Swagger UI on by default and off by configuration, metrics and health without login, the job
 * executor ready, and JSON console logs with DSAR_LOG_JSON=true that still hold no personal data.
 */
class OperatingIT {

    private static final String DPO_PASSWORD = "dpo-operating-it";
    private static final String MARKER_EMAIL = "zq.operating.marker@example.org";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private Process app;

    @TempDir
    Path dataDir;

    @RegisterExtension
    final RestartIT.ChildLogs childLogs = new RestartIT.ChildLogs();

    @AfterEach
    void stop() throws InterruptedException {
        if (app != null && app.isAlive()) {
            app.destroy();
            if (!app.waitFor(30, TimeUnit.SECONDS)) {
                app.destroyForcibly();
            }
        }
    }

    @Test
    void thePackagedAppServesItsContractMetricsAndHealthAndLogsJsonWithoutPersonalData() throws Exception {
        Path log = dataDir.resolve("app-json.log");
        int port = start(log, Map.of("DSAR_LOG_JSON", "true"));

        assertThat(get(port, "/q/openapi?format=json").statusCode()).isEqualTo(200);
        assertThat(get(port, "/q/swagger-ui/").statusCode()).isEqualTo(200);
        HttpResponse<String> metrics = get(port, "/q/metrics");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("dsar_requests_open{status=\"RECEIVED\"}", "dsar_job_executor_backlog");
        JsonNode engine = checks(get(port, "/q/health/ready").body(), "Process engine");
        assertThat(engine.path("status").asText()).isEqualTo("UP");
        assertThat(engine.path("data").path("jobExecutor").asText()).isEqualTo("active");

        String reference = logRequest(port);
        List<String> lines = Files.readAllLines(log);
        List<JsonNode> entries = lines.stream().filter(line -> line.startsWith("{")).map(OperatingIT::json).toList();
        assertThat(entries).as("JSON log lines").hasSizeGreaterThan(5);
        assertThat(entries).allSatisfy(entry -> assertThat(entry.has("level") && entry.has("message")).isTrue());
        assertThat(entries).anySatisfy(entry -> assertThat(entry.path("message").asText()).contains(reference));
        assertThat(String.join("\n", lines)).doesNotContain(MARKER_EMAIL);
    }

    @Test
    void theContractAndSwaggerUiCanBeSwitchedOffAndLogsArePlainTextByDefault() throws Exception {
        Path log = dataDir.resolve("app-plain.log");
        int port = start(log, Map.of("QUARKUS_SMALLRYE_OPENAPI_ENABLE", "false",
                "QUARKUS_SWAGGER_UI_ENABLE", "false"));

        assertThat(get(port, "/q/openapi").statusCode()).isEqualTo(404);
        assertThat(get(port, "/q/swagger-ui/").statusCode()).isEqualTo(404);
        assertThat(get(port, "/q/metrics").statusCode()).isEqualTo(200);
        assertThat(Files.readAllLines(log)).isNotEmpty().noneMatch(line -> line.startsWith("{"));
    }

    /** Starts the packaged application with these variables besides its own, and waits until it is ready. */
    private int start(Path log, Map<String, String> variables) throws IOException, InterruptedException {
        int port = PackagedApp.freePort();
        ProcessBuilder builder = PackagedApp.launcher(port, dataDir, log);
        builder.environment().put("DSAR_DPO_PASSWORD", DPO_PASSWORD);
        builder.environment().put("DSAR_IDENTIFIER_KEY", "operating-it-identifier-key-of-at-least-32-bytes");
        builder.environment().putAll(variables);
        childLogs.add(log);
        app = builder.start();
        PackagedApp.awaitReady(app, port);
        return port;
    }

    private String logRequest(int port) throws IOException, InterruptedException {
        String body = """
                {"type": "ACCESS", "receivedAt": "2025-03-10", "channel": "EMAIL",
                 "requester": {"name": "Operating Test", "email": "%s"}, "identifiers": {"email": "%s"}}
                """.formatted(MARKER_EMAIL, MARKER_EMAIL);
        String credentials = Base64.getEncoder().encodeToString(("dpo:" + DPO_PASSWORD).getBytes());
        HttpResponse<String> logged = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/api/requests"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Basic " + credentials)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(logged.statusCode()).isEqualTo(201);
        return json(logged.body()).path("reference").asText();
    }

    private HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode checks(String health, String name) {
        for (JsonNode check : json(health).path("checks")) {
            if (check.path("name").asText().equals(name)) {
                return check;
            }
        }
        throw new AssertionError(name + " is not among the checks: " + health);
    }

    private static JsonNode json(String text) {
        try {
            return new ObjectMapper().readTree(text);
        } catch (IOException e) {
            throw new AssertionError("Not JSON: " + text, e);
        }
    }
}
