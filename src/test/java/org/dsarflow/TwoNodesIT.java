package org.dsarflow;

import io.restassured.builder.RequestSpecBuilder;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static io.restassured.RestAssured.given;
import static io.restassured.RestAssured.preemptive;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Two nodes of the service on one PostgreSQL database, as an operator scaling out runs them: a calendar
 * replaced on one is the calendar of the other within seconds, and every deadline either stores is that of
 * the calendar in force. H2's embedded database belongs to one process, so on H2 the test is skipped.
 */
class TwoNodesIT {

    private static final String DPO_PASSWORD = "dpo-two-nodes-it";
    private static final String ADMIN_PASSWORD = "admin-two-nodes-it";
    /** dsar.calendar.refresh's default, the longest a read outside a transaction may lag, with room to spare. */
    private static final Duration CALENDAR_SEEN_WITHIN = Duration.ofSeconds(10);
    private static final Duration POLL = Duration.ofMillis(100);
    /** A Monday whose one-month deadline, a Wednesday, is no bank holiday, in a year no other test uses. */
    private static final String RECEIVED_ON = "2020-06-08";
    private static final String DEADLINE = "2020-07-08";
    private static final String DEADLINE_AFTER_NEW_HOLIDAY = "2020-07-09";

    @TempDir
    Path dataDir;

    @RegisterExtension
    final RestartIT.ChildLogs childLogs = new RestartIT.ChildLogs();

    private final List<Process> children = new ArrayList<>();

    @BeforeEach
    void aDatabaseTwoProcessesCanShare() {
        assumeTrue("postgresql".equals(System.getProperty("test-db.kind")),
                "two nodes need a database server both can reach: run with -Ppostgresql");
        assertThat(PackagedApp.APP_JAR).as("system property dsar.app.jar (set by failsafe after package)").isNotBlank();
    }

    @AfterEach
    void stopBothNodes() throws InterruptedException {
        for (Process child : children) {
            child.destroy();
        }
        for (Process child : children) {
            if (!child.waitFor(30, TimeUnit.SECONDS)) {
                child.destroyForcibly();
            }
        }
    }

    @Test
    void aCalendarReplacedOnOneNodeIsTheCalendarOfTheOther() throws Exception {
        List<Node> nodes = start("a", "b");
        Node a = nodes.get(0);
        Node b = nodes.get(1);
        assertThat(deadlineQuestion(b)).isEqualTo(DEADLINE);
        String loggedBefore = logRequest(b);
        assertThat(view(b, loggedBefore).getString("deadline")).isEqualTo(DEADLINE);

        Map<String, Object> original = a.anonymous().get("/api/calendar/holidays")
                .then().statusCode(200).extract().jsonPath().getMap("");
        try {
            a.admin().body(withHoliday(original, DEADLINE)).put("/api/calendar/holidays").then().statusCode(200);

            // No waiting: each transaction on B compares its calendar with the version A has just committed.
            String loggedAfter = logRequest(b);
            for (String reference : List.of(loggedBefore, loggedAfter)) {
                assertThat(view(b, reference).getString("deadline")).as(reference).isEqualTo(DEADLINE_AFTER_NEW_HOLIDAY);
                assertThat(dueBefore(b, DEADLINE_AFTER_NEW_HOLIDAY)).as("stored deadline of %s", reference)
                        .doesNotContain(reference);
                assertThat(dueBefore(b, "2020-07-10")).as("stored deadline of %s", reference).contains(reference);
            }
            // Outside a transaction, B may answer from its copy for up to dsar.calendar.refresh.
            assertThat(within(CALENDAR_SEEN_WITHIN, () -> deadlineQuestion(b), DEADLINE_AFTER_NEW_HOLIDAY))
                    .isEqualTo(DEADLINE_AFTER_NEW_HOLIDAY);
            assertThat(within(CALENDAR_SEEN_WITHIN, () -> holidayDates(b).contains(DEADLINE), true)).isTrue();
        } finally {
            b.admin().body(original).put("/api/calendar/holidays").then().statusCode(200);
        }
        // And back, the other way round: B replaced it, A stores and answers B's calendar.
        assertThat(view(a, loggedBefore).getString("deadline")).isEqualTo(DEADLINE);
        assertThat(view(a, logRequest(a)).getString("deadline")).isEqualTo(DEADLINE);
        assertThat(within(CALENDAR_SEEN_WITHIN, () -> deadlineQuestion(a), DEADLINE)).isEqualTo(DEADLINE);
    }

    /**
     * Starts the nodes one after the other, each ready before the next: on an empty database the engine's
     * own schema creation is not safe to run from two processes at once (README, "Several nodes").
     */
    private List<Node> start(String... names) throws IOException, InterruptedException {
        List<Node> nodes = new ArrayList<>();
        for (String name : names) {
            int port = PackagedApp.freePort();
            Path log = dataDir.resolve("node-" + name + ".log");
            ProcessBuilder builder = PackagedApp.launcher(port, dataDir.resolve(name), log);
            Map<String, String> env = builder.environment();
            env.put("DSAR_DPO_PASSWORD", DPO_PASSWORD);
            env.put("DSAR_ADMIN_PASSWORD", ADMIN_PASSWORD);
            env.put("DSAR_IDENTIFIER_KEY", "two-nodes-it-identifier-key-of-at-least-32-bytes");
            childLogs.add(log);
            Process process = builder.start();
            children.add(process);
            PackagedApp.awaitReady(process, port);
            nodes.add(new Node(process, port));
        }
        return nodes;
    }

    private static String logRequest(Node node) {
        return given().spec(node.dpo()).body("""
                        {"type": "ACCESS", "receivedAt": "%s", "channel": "EMAIL",
                         "requester": {"name": "Two Nodes", "email": "two.nodes@example.org"}}
                        """.formatted(RECEIVED_ON))
                .post("/api/requests")
                .then().log().ifValidationFails().statusCode(201)
                .extract().path("reference");
    }

    private static JsonPath view(Node node, String reference) {
        return given().spec(node.dpo()).get("/api/requests/{reference}", reference)
                .then().log().ifValidationFails().statusCode(200).extract().jsonPath();
    }

    /** The references the database holds as due before {@code date}: the filter reads the stored deadline. */
    private static List<String> dueBefore(Node node, String date) {
        return given().spec(node.dpo())
                .get("/api/requests?type=ACCESS&dueBefore={date}&size=200", date)
                .then().log().ifValidationFails().statusCode(200).extract().jsonPath().getList("items.reference");
    }

    private static String deadlineQuestion(Node node) {
        return given().spec(node.dpo()).get("/api/calendar/deadline?receivedOn={day}", RECEIVED_ON)
                .then().statusCode(200).extract().path("deadline");
    }

    private static List<String> holidayDates(Node node) {
        return node.anonymous().get("/api/calendar/holidays")
                .then().statusCode(200).extract().jsonPath().getList("'england-and-wales'.events.date");
    }

    /** Polls until {@code answer} gives {@code expected} or the bound passes; returns the last answer. */
    private static <T> T within(Duration bound, Supplier<T> answer, T expected) throws InterruptedException {
        Instant giveUp = Instant.now().plus(bound);
        T last = answer.get();
        while (!expected.equals(last) && Instant.now().isBefore(giveUp)) {
            Thread.sleep(POLL.toMillis());
            last = answer.get();
        }
        return last;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> withHoliday(Map<String, Object> calendar, String date) {
        Map<String, Object> copy = new LinkedHashMap<>(calendar);
        Map<String, Object> division = new LinkedHashMap<>((Map<String, Object>) calendar.get("england-and-wales"));
        List<Object> events = new ArrayList<>((List<Object>) division.get("events"));
        events.add(Map.of("title", "Two nodes test holiday", "date", date));
        division.put("events", events);
        copy.put("england-and-wales", division);
        return copy;
    }

    /** One node of the service. */
    private record Node(Process process, int port) {

        RequestSpecification anonymous() {
            return given().spec(spec().build());
        }

        RequestSpecification admin() {
            return given().spec(spec().setAuth(preemptive().basic("admin", ADMIN_PASSWORD)).build());
        }

        RequestSpecification dpo() {
            return spec().setAuth(preemptive().basic("dpo", DPO_PASSWORD)).build();
        }

        private RequestSpecBuilder spec() {
            return new RequestSpecBuilder().setBaseUri("http://localhost").setPort(port)
                    .setContentType(ContentType.JSON);
        }
    }
}
