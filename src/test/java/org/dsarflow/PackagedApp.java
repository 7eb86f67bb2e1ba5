package org.dsarflow;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.fail;

/** The packaged jar as a child process, as in production: how it is launched, on which database, when it is ready. */
final class PackagedApp {

    static final String APP_JAR = System.getProperty("dsar.app.jar");
    private static final String DB_KIND = System.getProperty("test-db.kind", "h2");
    private static final Duration READY_WITHIN = Duration.ofSeconds(60);
    private static final Duration READY_POLL = Duration.ofMillis(200);

    private PackagedApp() {
    }

    /**
     * The command that runs the jar on {@code port}, its output in {@code log}. C1 only: on two cores it
     * roughly halves start-up. H2 keeps its file database under DSAR_DATA_DIR; PostgreSQL is the test database.
     */
    static ProcessBuilder launcher(int port, Path dataDir, Path log) {
        ProcessBuilder builder = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-jar", APP_JAR)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.remove("DSAR_IDENTIFIER_KEY");
        env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        env.put("DSAR_DATA_DIR", dataDir.toString());
        if ("postgresql".equals(DB_KIND)) {
            env.put("QUARKUS_DATASOURCE_JDBC_URL", System.getProperty("test-db.url"));
            env.put("QUARKUS_DATASOURCE_USERNAME", System.getProperty("test-db.username"));
            env.put("QUARKUS_DATASOURCE_PASSWORD", System.getProperty("test-db.password"));
        }
        return builder;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Polls /q/health/ready until it answers 200; fails if the process exits first or takes too long. */
    static void awaitReady(Process process, int port) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/q/health/ready"))
                .timeout(Duration.ofSeconds(2))
                .build();
        Instant giveUp = Instant.now().plus(READY_WITHIN);
        while (true) {
            if (!process.isAlive()) {
                fail("The application exited with code %d before it was ready", process.exitValue());
            }
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // Refused until the HTTP server is up: poll again.
            }
            if (Instant.now().isAfter(giveUp)) {
                fail("The application was not ready within %s", READY_WITHIN);
            }
            Thread.sleep(READY_POLL.toMillis());
        }
    }
}
