package org.dsarflow.shared;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.dsarflow.Studies;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
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

    static final String UNKNOWN = "DSAR-1999-999999";
    /** The corrected date of birth a rectification submits: personal data, never to be echoed. */
    static final String BAD_BIRTH_DATE = "31/02/1990";

    static String open;
    static String cancelled;
    /** An erasure of data held on a survey platform (external) and a shared drive, waiting for review. */
    static String awaitingReview;
    /** A rectification waiting for review. */
    static String rectifying;
    /** The erasure as {@link #awaitingReview}, approved: the survey platform's custodian has yet to confirm. */
    static String awaitingCustodian;

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
        String study = Studies.createWithCustodians("COLLECTION", "2024-01-01");
        awaitingReview = Studies.located(study, "ERASURE", "2024-02-01", "survey", "drive");
        rectifying = Studies.located(study, "RECTIFICATION", "2024-02-01", "drive");
        awaitingCustodian = Studies.located(study, "ERASURE", "2024-02-01", "survey", "drive");
        dpo().body("{\"approve\":true}").post("/api/requests/{ref}/review", awaitingCustodian).then().statusCode(200);
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
                Arguments.of("wrong type for identifiers", VALID.replaceAll("\"identifiers\":\\{[^}]*}", "\"identifiers\":\"sam\""), 400, "invalid-input", "identifiers"),
                Arguments.of("changes on an access request", VALID.replace("}}", "},\"changes\":{\"email\":\"sam.secret@example.net\"}}"), 400, "invalid-input", "changes"));
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

    static Stream<Arguments> reviewBodies() {
        return Stream.of(
                Arguments.of("malformed JSON", "{\"approve\":", 400, "malformed-json", null),
                Arguments.of("missing approve", "{\"justification\":\"Checked\"}", 400, "invalid-input", "approve"),
                Arguments.of("unknown refusalReason", "{\"approve\":false,\"refusalReason\":\"TOO_BUSY\",\"justification\":\"Busy\"}",
                        400, "invalid-input", "refusalReason"),
                Arguments.of("unknown amendment action", "{\"approve\":true,\"amendments\":[{\"holdingKey\":\"drive\",\"action\":\"SHRED\"}],"
                        + "\"justification\":\"Checked\"}", 400, "invalid-input", "amendments[0].action"),
                Arguments.of("amendment with blank holdingKey", "{\"approve\":true,\"amendments\":[{\"holdingKey\":\" \",\"action\":\"ERASE\"}],"
                        + "\"justification\":\"Checked\"}", 400, "invalid-input", "amendments[0].holdingKey"),
                Arguments.of("refusal without refusalReason", "{\"approve\":false,\"justification\":\"Fifth identical request\"}",
                        400, "invalid-input", "refusalReason"),
                Arguments.of("refusal without justification", "{\"approve\":false,\"refusalReason\":\"MANIFESTLY_EXCESSIVE\"}",
                        400, "invalid-input", "justification"),
                Arguments.of("approval with refusalReason", "{\"approve\":true,\"refusalReason\":\"MANIFESTLY_UNFOUNDED\"}",
                        400, "invalid-input", "refusalReason"),
                Arguments.of("changes on an erasure", "{\"approve\":true,\"changes\":{\"email\":\"sam.secret@example.net\"}}",
                        400, "invalid-input", "changes"));
    }

    @ParameterizedTest(name = "POST review: {0}")
    @MethodSource("reviewBodies")
    void review(String name, String body, int status, String type, String field) {
        expectProblem(dpo().body(body).post("/api/requests/{ref}/review", awaitingReview).then(), status, type, field);
        dpo().get("/api/requests/{ref}", awaitingReview).then().body("status", equalTo("AWAITING_REVIEW"));
    }

    @Test
    void reviewOfARectificationWithAnInvalidCorrection() {
        expectProblem(dpo().body("{\"approve\":true,\"changes\":{\"dateOfBirth\":\"" + BAD_BIRTH_DATE + "\"}}")
                .post("/api/requests/{ref}/review", rectifying).then(), 400, "invalid-input", "changes.dateOfBirth")
                .body(not(containsString(BAD_BIRTH_DATE)));
    }

    @Test
    void reviewOfARequestNotAwaitingIt() {
        expectProblem(dpo().body("{\"approve\":true}").post("/api/requests/{ref}/review", open).then(),
                409, "conflict", null).body("code", equalTo("NOT_AWAITING_REVIEW"));
        expectProblem(dpo().body("{\"approve\":true}").post("/api/requests/{ref}/review", awaitingCustodian).then(),
                409, "conflict", null).body("code", equalTo("NOT_AWAITING_REVIEW"));
        expectProblem(dpo().body("{\"approve\":true}").post("/api/requests/{ref}/review", cancelled).then(),
                409, "conflict", null).body("code", equalTo("REQUEST_CLOSED"));
    }

    static Stream<Arguments> custodianConfirmationBodies() {
        return Stream.of(
                Arguments.of("malformed JSON", "{\"holdingKey\":", 400, "malformed-json", null),
                Arguments.of("missing holdingKey", "{\"confirmedOn\":\"2024-03-01\"}", 400, "invalid-input", "holdingKey"),
                Arguments.of("missing confirmedOn", "{\"holdingKey\":\"survey\"}", 400, "invalid-input", "confirmedOn"),
                Arguments.of("impossible date", "{\"holdingKey\":\"survey\",\"confirmedOn\":\"2024-02-30\"}", 400, "invalid-input", "confirmedOn"),
                Arguments.of("in the future", "{\"holdingKey\":\"survey\",\"confirmedOn\":\"" + TOMORROW + "\"}", 400, "invalid-input", "confirmedOn"),
                Arguments.of("before receipt", "{\"holdingKey\":\"survey\",\"confirmedOn\":\"2024-01-31\"}", 400, "invalid-input", "confirmedOn"),
                Arguments.of("holding without a custodian task", "{\"holdingKey\":\"drive\",\"confirmedOn\":\"2024-03-01\"}", 404, "not-found", null),
                Arguments.of("unknown holding", "{\"holdingKey\":\"nowhere\",\"confirmedOn\":\"2024-03-01\"}", 404, "not-found", null));
    }

    @ParameterizedTest(name = "POST custodian-confirmations: {0}")
    @MethodSource("custodianConfirmationBodies")
    void custodianConfirmation(String name, String body, int status, String type, String field) {
        expectProblem(dpo().body(body).post("/api/requests/{ref}/custodian-confirmations", awaitingCustodian).then(),
                status, type, field);
        dpo().get("/api/requests/{ref}", awaitingCustodian).then().body("status", equalTo("IN_PROGRESS"));
    }

    @Test
    void custodianConfirmationBeforeApproval() {
        expectProblem(dpo().body("{\"holdingKey\":\"survey\",\"confirmedOn\":\"2024-03-01\"}")
                .post("/api/requests/{ref}/custodian-confirmations", awaitingReview).then(), 409, "conflict", null)
                .body("code", equalTo("NOT_AWAITING_CUSTODIAN"));
    }

    @Test
    void responsePackage() {
        expectProblem(dpo().get("/api/requests/{ref}/response-package?format=xml", awaitingCustodian).then(),
                400, "invalid-input", "format");
        expectProblem(dpo().get("/api/requests/{ref}/response-package", awaitingReview).then(), 409, "conflict", null)
                .body("code", equalTo("NOT_APPROVED"));
        expectProblem(dpo().get("/api/requests/{ref}/response-package?format=csv", awaitingCustodian).then(),
                409, "conflict", null).body("code", equalTo("NO_EXPORT"));
    }

    @Test
    void restrictionLift() {
        expectProblem(dpo().body("{\"reason\":\" \"}").post("/api/requests/{ref}/restriction/lift", open).then(),
                400, "invalid-input", "reason");
        expectProblem(dpo().body("{}").post("/api/requests/{ref}/restriction/lift", open).then(),
                400, "invalid-input", "reason");
        expectProblem(dpo().body("{\"reason\":").post("/api/requests/{ref}/restriction/lift", open).then(),
                400, "malformed-json", null);
        expectProblem(dpo().body("{\"reason\":\"Accuracy confirmed\"}").post("/api/requests/{ref}/restriction/lift", open).then(),
                409, "conflict", null).body("code", equalTo("NOT_RESTRICTED"));
    }

    @Test
    void unknownReferencesOnTheFulfilmentEndpoints() {
        expectProblem(dpo().body("{\"approve\":true}").post("/api/requests/{ref}/review", UNKNOWN).then(),
                404, "not-found", null);
        expectProblem(dpo().body("{\"holdingKey\":\"survey\",\"confirmedOn\":\"2024-03-01\"}")
                .post("/api/requests/{ref}/custodian-confirmations", UNKNOWN).then(), 404, "not-found", null);
        expectProblem(dpo().get("/api/requests/{ref}/response-package", UNKNOWN).then(), 404, "not-found", null);
        expectProblem(dpo().get("/api/requests/{ref}/response-package?format=csv", UNKNOWN).then(), 404, "not-found", null);
        expectProblem(dpo().body("{\"reason\":\"Accuracy confirmed\"}")
                .post("/api/requests/{ref}/restriction/lift", UNKNOWN).then(), 404, "not-found", null);
    }

    static Stream<Arguments> taskQueries() {
        return Stream.of(
                Arguments.of("page=-1", "page"),
                Arguments.of("page=first", "page"),
                Arguments.of("size=0", "size"),
                Arguments.of("size=201", "size"),
                Arguments.of("size=ten", "size"));
    }

    @ParameterizedTest(name = "GET /api/tasks?{0}")
    @MethodSource("taskQueries")
    void taskPaging(String query, String field) {
        expectProblem(dpo().get("/api/tasks?" + query).then(), 400, "invalid-input", field);
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
        expectProblem(dpo().get("/api/calendar/deadline?receivedOn=2026-02-05&type=SHOUTING").then(), 400,
                "invalid-input", "type");
    }

    static Stream<Arguments> userBodies() {
        return Stream.of(
                Arguments.of("no username", "{\"displayName\":\"A B\",\"role\":\"dpo\",\"password\":\"long enough pass\"}", "username"),
                Arguments.of("upper-case username", "{\"username\":\"Jo\",\"displayName\":\"A B\",\"role\":\"dpo\",\"password\":\"long enough pass\"}", "username"),
                Arguments.of("bootstrap name", "{\"username\":\"admin\",\"displayName\":\"A B\",\"role\":\"dpo\",\"password\":\"long enough pass\"}", "username"),
                Arguments.of("system", "{\"username\":\"system\",\"displayName\":\"A B\",\"role\":\"dpo\",\"password\":\"long enough pass\"}", "username"),
                Arguments.of("no display name", "{\"username\":\"bad-input-1\",\"role\":\"dpo\",\"password\":\"long enough pass\"}", "displayName"),
                Arguments.of("unknown role", "{\"username\":\"bad-input-1\",\"displayName\":\"A B\",\"role\":\"root\",\"password\":\"long enough pass\"}", "role"),
                Arguments.of("short password", "{\"username\":\"bad-input-1\",\"displayName\":\"A B\",\"role\":\"dpo\",\"password\":\"sam.secret\"}", "password"),
                Arguments.of("no password", "{\"username\":\"bad-input-1\",\"displayName\":\"A B\",\"role\":\"dpo\"}", "password"),
                Arguments.of("password past bcrypt's 72 bytes", "{\"username\":\"bad-input-1\",\"displayName\":\"A B\",\"role\":\"dpo\",\"password\":\"" + "x".repeat(73) + "\"}", "password"));
    }

    @ParameterizedTest(name = "POST /api/users: {0}")
    @MethodSource("userBodies")
    void userBody(String name, String body, String field) {
        expectProblem(admin().body(body).post("/api/users").then(), 400, "invalid-input", field);
    }

    @Test
    void userChanges() {
        String username = "bad-input-" + System.nanoTime();
        admin().body(Map.of("username", username, "displayName", "Bad Input", "role", "dpo",
                "password", "long enough pass")).post("/api/users").then().statusCode(201);
        expectProblem(admin().body(Map.of("username", username, "displayName", "Again", "role", "dpo",
                "password", "long enough pass")).post("/api/users").then(), 409, "conflict", null)
                .body("code", equalTo("USER_EXISTS"));
        expectProblem(admin().body("{\"password\":\"sam.secret\"}").put("/api/users/{u}", username).then(), 400,
                "invalid-input", "password");
        expectProblem(admin().body("{\"role\":\"root\"}").put("/api/users/{u}", username).then(), 400,
                "invalid-input", "role");
        expectProblem(admin().body("{\"username\":\"someone-else\"}").put("/api/users/{u}", username).then(), 400,
                "invalid-input", "username");
        expectProblem(admin().body("{\"role\":\"dpo\"}").put("/api/users/{u}", "no-such-user").then(), 404,
                "not-found", null);
        expectProblem(admin().get("/api/users/{u}", "no-such-user").then(), 404, "not-found", null);
        expectProblem(admin().body("{\"username\":").post("/api/users").then(), 400, "malformed-json", null);
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
