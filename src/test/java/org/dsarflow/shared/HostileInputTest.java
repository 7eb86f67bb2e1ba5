package org.dsarflow.shared;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dsarflow.Api.admin;
import static org.dsarflow.Api.anonymous;
import static org.dsarflow.Api.auditor;
import static org.dsarflow.Api.dpo;
import static org.dsarflow.Api.logRequest;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/**
 * Input an attacker would send, case by case: each gets a 4xx problem body that names what was wrong and
 * echoes none of it; none gets a 5xx. Public endpoints answer whatever credentials come with them.
 */
@QuarkusTest
class HostileInputTest {

    static final String VALID = BadInputTest.VALID;
    static final String CALENDAR_HEAD = "{\"england-and-wales\":{\"division\":\"england-and-wales\",\"events\":[";

    record Case(String name, Supplier<Response> send, int status, String type, String field) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> hostileRequests() {
        return Stream.of(
                // Bodies nested thousands deep, oversized strings
                new Case("array nested 5,000 deep", () -> dpo().body("[".repeat(5000) + "]".repeat(5000))
                        .post("/api/requests"), 400, "invalid-input", null),
                new Case("object nested 5,000 deep in a field", () -> dpo()
                        .body(VALID.replace("\"channel\":\"EMAIL\"", "\"channel\":" + "{\"a\":".repeat(5000) + "1"
                                + "}".repeat(5000))).post("/api/requests"), 400, "invalid-input", "channel"),
                new Case("nested calendar", () -> admin().body("{\"a\":".repeat(3000) + "1" + "}".repeat(3000))
                        .put("/api/calendar/holidays"), 400, "invalid-input", "body"),
                new Case("100,000-character holiday title", () -> admin().body(CALENDAR_HEAD
                        + "{\"title\":\"" + "T".repeat(100_000) + "\",\"date\":\"2025-01-01\"}]}}")
                        .put("/api/calendar/holidays"), 400, "invalid-input", "body"),
                new Case("5,000-character holiday title", () -> admin().body(CALENDAR_HEAD
                        + "{\"title\":\"" + "T".repeat(5_000) + "\",\"date\":\"2025-01-01\"}]}}")
                        .put("/api/calendar/holidays"), 400, "invalid-input", "body"),
                new Case("100,000-character details", () -> dpo().body(VALID.replace("\"channel\"",
                        "\"details\":\"" + "d".repeat(100_000) + "\",\"channel\"")).post("/api/requests"),
                        400, "invalid-input", "details"),
                new Case("100,000-character cancel reason", () -> dpo().body("{\"reason\":\"" + "r".repeat(100_000) + "\"}")
                        .post("/api/requests/{ref}/cancel", logRequest("ACCESS", "2025-03-10")), 400, "invalid-input", "reason"),
                new Case("100,000-character identifier", () -> dpo().body(VALID.replace("{\"email\":\"sam.secret@example.org\"}",
                        "{\"email\":\"" + "x".repeat(100_000) + "\"}")).post("/api/requests"), 400, "invalid-input", "identifiers"),
                new Case("30,000-character idempotency key", () -> dpo().header("Idempotency-Key", "k".repeat(30_000))
                        .body(VALID).post("/api/requests"), 431, "headers-too-large", null),
                // Paging past the end and past the limits
                new Case("page Integer.MAX_VALUE of requests", () -> dpo().get("/api/requests?page=2147483647&size=200"),
                        400, "invalid-input", "page"),
                new Case("page past the limit of tasks", () -> dpo().get("/api/tasks?page=10001"), 400, "invalid-input", "page"),
                new Case("page 2^63", () -> dpo().get("/api/requests?page=9223372036854775808"), 400, "invalid-input", "page"),
                new Case("size 100,000", () -> dpo().get("/api/requests?size=100000"), 400, "invalid-input", "size"),
                // NUL, which PostgreSQL cannot store
                new Case("NUL in a path", () -> dpo().urlEncodingEnabled(false).get("/api/requests/DSAR-2025-%00"),
                        400, "invalid-input", "path"),
                new Case("NUL in a query", () -> dpo().urlEncodingEnabled(false).get("/api/requests?studyKey=kit%00bags"),
                        400, "invalid-input", "query"),
                new Case("NUL in the requester's name", () -> dpo().body(VALID.replace("Sam Secret", "Sam\\u0000Secret"))
                        .post("/api/requests"), 400, "invalid-input", "requester.name"),
                new Case("NUL in an identifier", () -> dpo().body(VALID.replace("{\"email\":\"sam.secret@example.org\"}",
                        "{\"email\":\"sam\\u0000secret@example.org\"}")).post("/api/requests"), 400, "invalid-input", "identifiers.email"),
                new Case("NUL in details", () -> dpo().body(VALID.replace("\"channel\"", "\"details\":\"a\\u0000b\",\"channel\""))
                        .post("/api/requests"), 400, "invalid-input", "details"),
                new Case("NUL in a cancel reason", () -> dpo().body("{\"reason\":\"with\\u0000drawn\"}")
                        .post("/api/requests/{ref}/cancel", logRequest("ACCESS", "2025-03-10")), 400, "invalid-input", "reason"),
                new Case("NUL in a holiday title", () -> admin().body(CALENDAR_HEAD
                        + "{\"title\":\"New\\u0000Year\",\"date\":\"2025-01-01\"}]}}").put("/api/calendar/holidays"),
                        400, "invalid-input", "body"),
                new Case("NUL in a study name", () -> admin().body(study("nul").replace("Hostile study", "Hostile\\u0000study"))
                        .post("/api/studies"), 400, "invalid-input", "name"),
                // Dates no database can store
                new Case("receivedAt +999999999-12-31", () -> dpo().body(VALID.replace("2025-03-10", "+999999999-12-31"))
                        .post("/api/requests"), 400, "invalid-input", "receivedAt"),
                new Case("dueBefore +999999999-12-31", () -> dpo().get("/api/requests?dueBefore=+999999999-12-31"),
                        400, "invalid-input", "dueBefore"),
                new Case("receivedOn +999999999-12-31", () -> dpo().get("/api/calendar/deadline?receivedOn=+999999999-12-31"),
                        400, "invalid-input", "receivedOn"),
                new Case("receivedOn 0000-01-01", () -> dpo().get("/api/calendar/deadline?receivedOn=0000-01-01"),
                        400, "invalid-input", "receivedOn"),
                new Case("holiday on +999999999-12-31", () -> admin().body(CALENDAR_HEAD
                        + "{\"title\":\"Far\",\"date\":\"+999999999-12-31\"}]}}").put("/api/calendar/holidays"),
                        400, "invalid-input", "body"),
                new Case("study phaseSince +999999999-12-31", () -> admin()
                        .body(study("far").replace("2024-01-01", "+999999999-12-31")).post("/api/studies"),
                        400, "invalid-input", "phaseSince"),
                new Case("clock event on -999999999-01-01", () -> dpo().body("{\"kind\":\"IDENTITY_REQUESTED\",\"on\":\"-999999999-01-01\"}")
                        .post("/api/requests/{ref}/clock-events", logRequest("ACCESS", "2025-03-10")), 400, "invalid-input", "on"),
                // Strict input
                new Case("unknown property reveivedAt", () -> dpo().body(VALID.replace("\"receivedAt\"", "\"reveivedAt\":\"2025-03-10\",\"receivedAt\""))
                        .post("/api/requests"), 400, "invalid-input", "reveivedAt"),
                new Case("unknown nested property requester.nmae", () -> dpo().body(VALID.replace("\"name\":", "\"nmae\":\"x\",\"name\":"))
                        .post("/api/requests"), 400, "invalid-input", "requester.nmae"),
                new Case("unknown property on a review", () -> dpo().body("{\"approve\":true,\"aprove\":false}")
                        .post("/api/requests/{ref}/review", logRequest("ACCESS", "2025-03-10")), 400, "invalid-input", "aprove"),
                new Case("unknown study key among a request's studies", () -> dpo()
                        .body(VALID.replace("\"channel\"", "\"studyKeys\":[\"no-such-study\"],\"channel\""))
                        .post("/api/requests"), 400, "invalid-input", "studyKeys[0]"),
                new Case("unknown study key as a filter", () -> dpo().get("/api/requests?studyKey=no-such-study"),
                        400, "invalid-input", "studyKey"),
                new Case("unknown study key in a custodian confirmation", () -> dpo()
                        .body("{\"holdingKey\":\"drive\",\"studyKey\":\"no-such-study\",\"confirmedOn\":\"2025-03-11\"}")
                        .post("/api/requests/{ref}/custodian-confirmations", logRequest("ACCESS", "2025-03-10")),
                        400, "invalid-input", "studyKey"),
                new Case("calendar division not its key", () -> admin().body("{\"england-and-wales\":{\"division\":\"scotland\",\"events\":[]}}")
                        .put("/api/calendar/holidays"), 400, "invalid-input", "body"),
                new Case("text/plain request", () -> dpo().contentType("text/plain").body(VALID).post("/api/requests"),
                        415, "unsupported-media-type", null),
                new Case("CSV request", () -> dpo().contentType("text/csv").body("type\nACCESS").post("/api/requests"),
                        415, "unsupported-media-type", null),
                new Case("XML calendar", () -> admin().contentType("application/xml").body("<calendar/>").put("/api/calendar/holidays"),
                        415, "unsupported-media-type", null),
                new Case("form-encoded cancel", () -> dpo().contentType("application/x-www-form-urlencoded").body("reason=x")
                        .post("/api/requests/{ref}/cancel", logRequest("ACCESS", "2025-03-10")), 415, "unsupported-media-type", null),
                new Case("XML wanted", () -> dpo().accept("application/xml").get("/api/requests"), 406, "not-acceptable", null),
                // Sizes of the request itself
                new Case("5,000-byte URI", () -> dpo().get("/api/requests?studyKey=" + "k".repeat(5000)), 414, "uri-too-long", null),
                new Case("20 kB of headers", () -> dpo().header("X-Padding", "p".repeat(20_000)).get("/api/requests"),
                        431, "headers-too-large", null),
                // Credentials
                new Case("no credentials", () -> anonymous().get("/api/requests"), 401, "unauthorized", null),
                new Case("wrong password", () -> anonymous().auth().preemptive().basic("dpo", "guess").get("/api/requests"),
                        401, "unauthorized", null),
                new Case("unknown account", () -> anonymous().auth().preemptive().basic("root", "guess").get("/api/requests"),
                        401, "unauthorized", null),
                new Case("Authorization: Basic not-base64", () -> authorization("Basic !!!not base64!!!").get("/api/requests"),
                        401, "unauthorized", null),
                new Case("Authorization: Basic without a colon", () -> authorization("Basic " + base64("dpo"))
                        .get("/api/requests"), 401, "unauthorized", null),
                new Case("Authorization: Basic with nothing", () -> authorization("Basic").get("/api/requests"),
                        401, "unauthorized", null),
                new Case("Authorization: Bearer garbage", () -> authorization("Bearer not.a.token").get("/api/requests"),
                        401, "unauthorized", null),
                new Case("Authorization: unknown scheme", () -> authorization("Digest username=\"dpo\"").get("/api/requests"),
                        401, "unauthorized", null),
                new Case("auditor logging a request", () -> auditor().body(VALID).post("/api/requests"), 403, "forbidden", null),
                new Case("DPO replacing the calendar", () -> dpo().body("{}").put("/api/calendar/holidays"), 403, "forbidden", null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileRequests")
    void isRefusedWithAProblem(Case hostile) {
        Response response = hostile.send().get();
        response.then().statusCode(hostile.status())
                .contentType(ProblemMapper.PROBLEM_JSON)
                .body("status", equalTo(hostile.status()))
                .body("type", equalTo("/problems/" + hostile.type()))
                .body("title", not(nullValue()))
                .body("field", hostile.field() == null ? nullValue() : equalTo(hostile.field()))
                .body(not(containsString("sam.secret")))
                .body(not(containsString("Sam")))
                .body(not(containsString("TTTTTTTTTT")));
    }

    @Test
    void aThrottledOrRefusedLoginKeepsItsChallenge() {
        anonymous().get("/api/requests").then().statusCode(401).header("WWW-Authenticate", containsString("Basic"));
    }

    @ParameterizedTest(name = "GET {0} with any credentials")
    @ValueSource(strings = {"/q/health", "/q/metrics", "/api/calendar/holidays"})
    void publicEndpointsStayPublic(String path) {
        for (String authorization : new String[]{"Basic " + base64("dpo:wrong"), "Basic " + base64("nobody:x"),
                "Basic !!!", "Basic", "Bearer not.a.token", "Digest x"}) {
            assertThat(RestAssured.given().header("Authorization", authorization).get(path).statusCode())
                    .as(path + " with Authorization: " + authorization).isEqualTo(200);
        }
    }

    @Test
    void aBodyDeclaredPastTheLimitIsRefusedBeforeItIsRead() throws IOException {
        try (Socket socket = new Socket("127.0.0.1", RestAssured.port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/requests HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 99999999999\r\n\r\n{").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            StringBuilder answer = new StringBuilder();
            byte[] buffer = new byte[4096];
            int read;
            while (!answer.toString().endsWith("}") && (read = in.read(buffer)) > 0) {
                answer.append(new String(buffer, 0, read, StandardCharsets.UTF_8));
            }
            assertThat(answer.toString()).startsWith("HTTP/1.1 413").contains("application/problem+json")
                    .contains("/problems/content-too-large");
        }
    }

    private static RequestSpecification authorization(String value) {
        return anonymous().header("Authorization", value);
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String study(String prefix) {
        return """
                {"key":"%s","name":"Hostile study","phase":"COLLECTION","phaseSince":"2024-01-01",
                 "identifierSchemes":[["email"]],"holdings":[{"key":"drive","location":"Shared drive",
                 "custody":"INTERNAL","identifiability":"IDENTIFIED","source":"PRIMARY"}]}"""
                .formatted(prefix + "-" + System.nanoTime());
    }
}
