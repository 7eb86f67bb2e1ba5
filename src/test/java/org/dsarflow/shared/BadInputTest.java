package org.dsarflow.shared;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.stream.Stream;

import static org.dsarflow.Api.admin;
import static org.dsarflow.Api.dpo;
import static org.dsarflow.Api.logRequest;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/**
 * Bad input, endpoint by endpoint: the status, the problem type and the field it names. Never a 500,
 * never the submitted personal data echoed back.
 */
@QuarkusTest
class BadInputTest {

    static final String VALID = """
            {"type":"ACCESS","receivedAt":"2025-03-10","channel":"EMAIL",
             "requester":{"name":"Sam Secret","email":"sam.secret@example.org"},"identifiers":{"email":"sam.secret@example.org"}}""";
    static final String TOMORROW = LocalDate.now(ZoneId.of("Europe/London")).plusDays(1).toString();

    static String open;
    static String cancelled;

    /** Once per class, but after Quarkus has pointed REST Assured at the test port. */
    @BeforeEach
    void requests() {
        if (open != null) {
            return;
        }
        open = logRequest("ACCESS", "2025-03-10");
        cancelled = logRequest("ACCESS", "2025-03-10");
        dpo().body("{\"reason\":\"Requester withdrew\"}").post("/api/requests/{ref}/cancel", cancelled)
                .then().statusCode(200);
    }

    static Stream<Arguments> logRequestBodies() {
        return Stream.of(
                Arguments.of("malformed JSON", "{\"type\":\"ACCESS\",", 400, "malformed-json", null),
                Arguments.of("not an object", "[1,2]", 400, "invalid-input", null),
                Arguments.of("empty body", "", 400, "invalid-input", "body"),
                Arguments.of("unknown type", VALID.replace("\"ACCESS\"", "\"DELETE_EVERYTHING\""), 400, "invalid-input", "type"),
                Arguments.of("missing type", VALID.replace("\"type\":\"ACCESS\",", ""), 400, "invalid-input", "type"),
                Arguments.of("unknown channel", VALID.replace("\"EMAIL\"", "\"CARRIER_PIGEON\""), 400, "invalid-input", "channel"),
                Arguments.of("missing receivedAt", VALID.replace("\"receivedAt\":\"2025-03-10\",", ""), 400, "invalid-input", "receivedAt"),
                Arguments.of("impossible date", VALID.replace("2025-03-10", "2025-02-30"), 400, "invalid-input", "receivedAt"),
                Arguments.of("date-time without offset", VALID.replace("2025-03-10", "2025-03-10T10:00:00"), 400, "invalid-input", "receivedAt"),
                Arguments.of("receivedAt in the future", VALID.replace("2025-03-10", TOMORROW), 400, "invalid-input", "receivedAt"),
                Arguments.of("receivedAt before the law", VALID.replace("2025-03-10", "2017-01-01"), 400, "invalid-input", "receivedAt"),
                Arguments.of("missing requester", VALID.replaceAll("\"requester\":\\{[^}]*},", ""), 400, "invalid-input", "requester"),
                Arguments.of("requester without name", VALID.replace("\"name\":\"Sam Secret\",", ""), 400, "invalid-input", "requester.name"),
                Arguments.of("requester not contactable", VALID.replace(",\"email\":\"sam.secret@example.org\"}", "}"), 400, "invalid-input", "requester"),
                Arguments.of("bad email", VALID.replace("sam.secret@example.org\"}", "not-an-address\"}"), 400, "invalid-input", "requester.email"),
                Arguments.of("identifier key not a name", VALID.replace("{\"email\":\"sam", "{\"e mail\":\"sam"), 400, "invalid-input", "identifiers"),
                Arguments.of("blank identifier value", VALID.replace("{\"email\":\"sam.secret@example.org\"}", "{\"email\":\" \"}"), 400, "invalid-input", "identifiers"),
                Arguments.of("wrong type for identifiers", VALID.replaceAll("\"identifiers\":\\{[^}]*}", "\"identifiers\":\"sam\""), 400, "invalid-input", "identifiers"));
    }

    @ParameterizedTest(name = "POST /api/requests: {0}")
    @MethodSource("logRequestBodies")
    void logRequestBody(String name, String body, int status, String type, String field) {
        expectProblem(dpo().body(body).post("/api/requests").then(), status, type, field);
    }

    @Test
    void idempotencyKeyMustBePrintable() {
        expectProblem(dpo().header("Idempotency-Key", "has spaces in it").body(VALID).post("/api/requests").then(),
                400, "invalid-input", "Idempotency-Key");
    }

    static Stream<Arguments> clockEventBodies() {
        return Stream.of(
                Arguments.of("malformed JSON", "{\"kind\":", 400, "malformed-json", null),
                Arguments.of("unknown kind", "{\"kind\":\"PAUSE_FOREVER\",\"on\":\"2025-03-11\"}", 400, "invalid-input", "kind"),
                Arguments.of("missing kind", "{\"on\":\"2025-03-11\"}", 400, "invalid-input", "kind"),
                Arguments.of("missing on", "{\"kind\":\"IDENTITY_REQUESTED\"}", 400, "invalid-input", "on"),
                Arguments.of("impossible date", "{\"kind\":\"IDENTITY_REQUESTED\",\"on\":\"2025-02-30\"}", 400, "invalid-input", "on"),
                Arguments.of("in the future", "{\"kind\":\"IDENTITY_REQUESTED\",\"on\":\"" + TOMORROW + "\"}", 400, "invalid-input", "on"),
                Arguments.of("before receipt", "{\"kind\":\"IDENTITY_REQUESTED\",\"on\":\"2025-03-09\"}", 400, "invalid-input", "on"),
                Arguments.of("extension without reason", "{\"kind\":\"EXTENSION_NOTIFIED\",\"on\":\"2025-03-11\"}", 400, "invalid-input", "reason"),
                Arguments.of("extension too late", "{\"kind\":\"EXTENSION_NOTIFIED\",\"on\":\"2025-04-11\",\"reason\":\"Complex\"}", 409, "conflict", null),
                Arguments.of("confirming ID never requested", "{\"kind\":\"IDENTITY_CONFIRMED\",\"on\":\"2025-03-11\"}", 409, "conflict", null),
                Arguments.of("fee received never requested", "{\"kind\":\"FEE_RECEIVED\",\"on\":\"2025-03-11\"}", 409, "conflict", null),
                Arguments.of("clarification received while running", "{\"kind\":\"CLARIFICATION_RECEIVED\",\"on\":\"2025-03-11\"}", 409, "conflict", null));
    }

    @ParameterizedTest(name = "POST clock-events: {0}")
    @MethodSource("clockEventBodies")
    void clockEvent(String name, String body, int status, String type, String field) {
        expectProblem(dpo().body(body).post("/api/requests/{ref}/clock-events", open).then(), status, type, field);
    }

    @Test
    void clockEventCodesSayWhy() {
        dpo().body("{\"kind\":\"EXTENSION_NOTIFIED\",\"on\":\"2025-04-11\",\"reason\":\"Complex\"}")
                .post("/api/requests/{ref}/clock-events", open)
                .then().statusCode(409).body("code", equalTo("EXTENSION_TOO_LATE"));
        dpo().body("{\"kind\":\"IDENTITY_CONFIRMED\",\"on\":\"2025-03-11\"}")
                .post("/api/requests/{ref}/clock-events", open)
                .then().statusCode(409).body("code", equalTo("NOT_STOPPED_FOR_IDENTITY"));
    }

    @Test
    void clockEventOnAClosedRequestIsAConflict() {
        expectProblem(dpo().body("{\"kind\":\"IDENTITY_REQUESTED\",\"on\":\"2025-03-11\"}")
                .post("/api/requests/{ref}/clock-events", cancelled).then(), 409, "conflict", null)
                .body("code", equalTo("REQUEST_CLOSED"));
    }

    @Test
    void unknownReferences() {
        expectProblem(dpo().get("/api/requests/DSAR-1999-999999").then(), 404, "not-found", null);
        expectProblem(dpo().body("{\"kind\":\"IDENTITY_REQUESTED\",\"on\":\"2025-03-11\"}")
                .post("/api/requests/DSAR-1999-999999/clock-events").then(), 404, "not-found", null);
        expectProblem(dpo().body("{\"reason\":\"Requester withdrew\"}")
                .post("/api/requests/DSAR-1999-999999/cancel").then(), 404, "not-found", null);
        expectProblem(dpo().get("/api/no-such-thing").then(), 404, "not-found", null);
    }

    @Test
    void cancel() {
        expectProblem(dpo().body("{}").post("/api/requests/{ref}/cancel", open).then(), 400, "invalid-input", "reason");
        expectProblem(dpo().body("{\"reason\":\"  \"}").post("/api/requests/{ref}/cancel", open).then(),
                400, "invalid-input", "reason");
        expectProblem(dpo().body("{\"reason\":").post("/api/requests/{ref}/cancel", open).then(),
                400, "malformed-json", null);
        expectProblem(dpo().body("{\"reason\":\"Twice\"}").post("/api/requests/{ref}/cancel", cancelled).then(),
                409, "conflict", null).body("code", equalTo("REQUEST_CLOSED"));
    }

    static Stream<Arguments> listQueries() {
        return Stream.of(
                Arguments.of("status=OPENISH", "status"),
                Arguments.of("type=FORGET_ME", "type"),
                Arguments.of("overdue=maybe", "overdue"),
                Arguments.of("dueBefore=2025-13-01", "dueBefore"),
                Arguments.of("page=-1", "page"),
                Arguments.of("size=0", "size"),
                Arguments.of("size=201", "size"),
                Arguments.of("size=ten", "size"));
    }

    @ParameterizedTest(name = "GET /api/requests?{0}")
    @MethodSource("listQueries")
    void listFilters(String query, String field) {
        expectProblem(dpo().get("/api/requests?" + query).then(), 400, "invalid-input", field);
    }

    @Test
    void deadlineQuestion() {
        expectProblem(dpo().get("/api/calendar/deadline").then(), 400, "invalid-input", "receivedOn");
        expectProblem(dpo().get("/api/calendar/deadline?receivedOn=2025-02-30").then(), 400, "invalid-input", "receivedOn");
        expectProblem(dpo().get("/api/calendar/deadline?receivedOn=yesterday").then(), 400, "invalid-input", "receivedOn");
    }

    @Test
    void calendarReplacement() {
        expectProblem(admin().body("{\"england-and-wales\":").put("/api/calendar/holidays").then(), 400, "malformed-json", null);
        expectProblem(admin().body("[]").put("/api/calendar/holidays").then(), 400, "invalid-input", "body");
        expectProblem(admin().body("{\"scotland\":{\"division\":\"scotland\",\"events\":[]}}")
                .put("/api/calendar/holidays").then(), 400, "invalid-input", "england-and-wales");
        expectProblem(admin().body("{\"england-and-wales\":{\"division\":\"england-and-wales\",\"events\":"
                        + "[{\"title\":\"Leap\",\"date\":\"2025-02-30\"}]}}")
                .put("/api/calendar/holidays").then(), 400, "invalid-input", "body");
    }

    private static ValidatableResponse expectProblem(ValidatableResponse response, int status, String type, String field) {
        return response.statusCode(status)
                .contentType("application/problem+json")
                .body("status", equalTo(status))
                .body("type", equalTo("/problems/" + type))
                .body("title", not(nullValue()))
                .body("field", field == null ? nullValue() : equalTo(field))
                .body(not(containsString("sam.secret")))
                .body(not(containsString("Sam Secret")));
    }
}
