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
    /** A request made by a solicitor on behalf of the subject, its authority not yet recorded. */
    static String representative;
    /** An approved access request whose copy of the interviews (other people's information) is held back. */
    static String heldBack;

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
        representative = dpo().body(VALID.replace("\"identifiers\"",
                        "\"onBehalfOf\":{\"relationship\":\"LEGAL_REPRESENTATIVE\"},\"identifiers\""))
                .post("/api/requests").then().statusCode(201).extract().path("reference");
        heldBack = Studies.located(Studies.createWithInterviews("COLLECTION", "2024-01-01"), "ACCESS", "2024-02-01",
                "drive", "interviews");
        dpo().body("{\"approve\":true}").post("/api/requests/{ref}/review", heldBack).then().statusCode(200);
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
                Arguments.of("unknown relationship", VALID.replace("\"identifiers\"",
                        "\"onBehalfOf\":{\"relationship\":\"NEIGHBOUR\"},\"identifiers\""), 400, "invalid-input",
                        "onBehalfOf.relationship"),
                Arguments.of("onBehalfOf without relationship", VALID.replace("\"identifiers\"",
                        "\"onBehalfOf\":{\"subjectName\":\"Kim Secret\"},\"identifiers\""), 400, "invalid-input",
                        "onBehalfOf.relationship"),
                Arguments.of("subjectCategory not a category", VALID.replace("\"identifiers\"",
                        "\"onBehalfOf\":{\"relationship\":\"ATTORNEY\",\"subjectCategory\":\"a child\"},\"identifiers\""),
                        400, "invalid-input", "onBehalfOf.subjectCategory"),
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
    void authorityIsRecordedWithItsOwnEndpointAndOnlyForARequestMadeForSomeoneElse() {
        expectProblem(dpo().body("{\"kind\":\"AUTHORITY_RECEIVED\",\"on\":\"2025-03-11\"}")
                .post("/api/requests/{ref}/clock-events", representative).then(), 400, "invalid-input", "kind");
        expectProblem(dpo().body("{\"kind\":\"AUTHORITY_REQUESTED\",\"on\":\"2025-03-11\"}")
                .post("/api/requests/{ref}/clock-events", open).then(), 409, "conflict", null)
                .body("code", equalTo("NO_AUTHORITY_NEEDED"));
    }

    static Stream<Arguments> authorityBodies() {
        return Stream.of(
                Arguments.of("malformed JSON", "{\"evidence\":", 400, "malformed-json", null),
                Arguments.of("missing evidence", "{\"receivedOn\":\"2025-03-11\"}", 400, "invalid-input", "evidence"),
                Arguments.of("unknown evidence", "{\"evidence\":\"A_NOTE_FROM_MUM\",\"receivedOn\":\"2025-03-11\"}",
                        400, "invalid-input", "evidence"),
                Arguments.of("missing receivedOn", "{\"evidence\":\"SIGNED_AUTHORITY\"}", 400, "invalid-input", "receivedOn"),
                Arguments.of("impossible date", "{\"evidence\":\"SIGNED_AUTHORITY\",\"receivedOn\":\"2025-02-30\"}",
                        400, "invalid-input", "receivedOn"),
                Arguments.of("in the future", "{\"evidence\":\"SIGNED_AUTHORITY\",\"receivedOn\":\"" + TOMORROW + "\"}",
                        400, "invalid-input", "receivedOn"),
                Arguments.of("before the request", "{\"evidence\":\"SIGNED_AUTHORITY\",\"receivedOn\":\"2025-03-09\"}",
                        400, "invalid-input", "receivedOn"));
    }

    @ParameterizedTest(name = "POST authority: {0}")
    @MethodSource("authorityBodies")
    void authority(String name, String body, int status, String type, String field) {
        expectProblem(dpo().body(body).post("/api/requests/{ref}/authority", representative).then(), status, type, field);
        dpo().get("/api/requests/{ref}", representative).then().body("onBehalfOf.authority", nullValue());
    }

    @Test
    void authorityOfARequestTheSubjectMadeOrOfAClosedOne() {
        String authority = "{\"evidence\":\"SIGNED_AUTHORITY\",\"receivedOn\":\"2025-03-11\"}";
        expectProblem(dpo().body(authority).post("/api/requests/{ref}/authority", open).then(), 409, "conflict", null)
                .body("code", equalTo("NOT_MADE_ON_BEHALF"));
        expectProblem(dpo().body(authority).post("/api/requests/{ref}/authority", cancelled).then(), 409, "conflict", null)
                .body("code", equalTo("REQUEST_CLOSED"));
        expectProblem(dpo().body(authority).post("/api/requests/{ref}/authority", UNKNOWN).then(), 404, "not-found", null);
    }

    static Stream<Arguments> redactionBodies() {
        return Stream.of(
                Arguments.of("malformed JSON", "{\"holdingKey\":", 400, "malformed-json", null),
                Arguments.of("missing holdingKey", "{\"outcome\":\"REDACTED\",\"reasons\":\"Names removed\"}",
                        400, "invalid-input", "holdingKey"),
                Arguments.of("missing outcome", "{\"holdingKey\":\"interviews\",\"reasons\":\"Names removed\"}",
                        400, "invalid-input", "outcome"),
                Arguments.of("unknown outcome", "{\"holdingKey\":\"interviews\",\"outcome\":\"SHREDDED\","
                        + "\"reasons\":\"Names removed\"}", 400, "invalid-input", "outcome"),
                Arguments.of("blank reasons", "{\"holdingKey\":\"interviews\",\"outcome\":\"REDACTED\",\"reasons\":\" \"}",
                        400, "invalid-input", "reasons"),
                Arguments.of("holding not in the decision", "{\"holdingKey\":\"no-such-holding\",\"outcome\":\"REDACTED\","
                        + "\"reasons\":\"Names removed\"}", 404, "not-found", null),
                Arguments.of("unknown studyKey", "{\"holdingKey\":\"interviews\",\"studyKey\":\"no-such-study\","
                        + "\"outcome\":\"REDACTED\",\"reasons\":\"Names removed\"}", 400, "invalid-input", "studyKey"),
                Arguments.of("holding with no redaction step", "{\"holdingKey\":\"drive\",\"outcome\":\"REDACTED\","
                        + "\"reasons\":\"Names removed\"}", 409, "conflict", null));
    }

    @ParameterizedTest(name = "POST redactions: {0}")
    @MethodSource("redactionBodies")
    void redaction(String name, String body, int status, String type, String field) {
        expectProblem(dpo().body(body).post("/api/requests/{ref}/redactions", heldBack).then(), status, type, field);
        dpo().get("/api/requests/{ref}", heldBack).then().body("status", equalTo("IN_PROGRESS"));
    }

    @Test
    void redactionOfAHoldingWithoutTheStepSaysWhy() {
        expectProblem(dpo().body("{\"holdingKey\":\"drive\",\"outcome\":\"CONSENTED\",\"reasons\":\"Agreed\"}")
                .post("/api/requests/{ref}/redactions", awaitingCustodian).then(), 409, "conflict", null)
                .body("code", equalTo("NO_REDACTION_STEP"));
        expectProblem(dpo().get("/api/requests/{ref}/response-package", heldBack).then(), 409, "conflict", null)
                .body("code", equalTo("REDACTION_PENDING"));
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
                Arguments.of("amendment naming an unknown study", "{\"approve\":true,\"amendments\":[{\"holdingKey\":\"drive\","
                        + "\"studyKey\":\"no-such-study\",\"action\":\"ERASE\"}],\"justification\":\"Checked\"}",
                        400, "invalid-input", "amendments[0].studyKey"),
                Arguments.of("refusal without refusalReason", "{\"approve\":false,\"justification\":\"Fifth identical request\"}",
                        400, "invalid-input", "refusalReason"),
                Arguments.of("refusal without justification", "{\"approve\":false,\"refusalReason\":\"MANIFESTLY_EXCESSIVE\"}",
                        400, "invalid-input", "justification"),
                Arguments.of("approval with refusalReason", "{\"approve\":true,\"refusalReason\":\"MANIFESTLY_UNFOUNDED\"}",
                        400, "invalid-input", "refusalReason"),
                Arguments.of("changes on an erasure", "{\"approve\":true,\"changes\":{\"email\":\"sam.secret@example.net\"}}",
                        400, "invalid-input", "changes"),
                Arguments.of("child judgement of a request about an adult", "{\"approve\":true,\"childJudgement\":"
                        + "{\"competent\":true,\"respondTo\":\"REQUESTER\",\"reasons\":\"Aged 15\"}}",
                        400, "invalid-input", "childJudgement"),
                Arguments.of("child judgement with unknown respondTo", "{\"approve\":true,\"childJudgement\":"
                        + "{\"competent\":true,\"respondTo\":\"GRANDPARENT\",\"reasons\":\"Aged 15\"}}",
                        400, "invalid-input", "childJudgement.respondTo"),
                Arguments.of("child judgement without reasons", "{\"approve\":true,\"childJudgement\":"
                        + "{\"competent\":false,\"respondTo\":\"REQUESTER\"}}",
                        400, "invalid-input", "childJudgement.reasons"),
                Arguments.of("no authority on the subject's own request", "{\"approve\":false,"
                        + "\"refusalReason\":\"NO_AUTHORITY_TO_ACT\",\"justification\":\"No authority\"}",
                        400, "invalid-input", "refusalReason"));
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
                Arguments.of("unknown holding", "{\"holdingKey\":\"nowhere\",\"confirmedOn\":\"2024-03-01\"}", 404, "not-found", null),
                Arguments.of("unknown studyKey", "{\"holdingKey\":\"survey\",\"studyKey\":\"no-such-study\","
                        + "\"confirmedOn\":\"2024-03-01\"}", 400, "invalid-input", "studyKey"));
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
        expectProblem(dpo().body("{\"holdingKey\":\"interviews\",\"outcome\":\"REDACTED\",\"reasons\":\"Names removed\"}")
                .post("/api/requests/{ref}/redactions", UNKNOWN).then(), 404, "not-found", null);
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
                Arguments.of("studyKey=no-such-study", "studyKey"),
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

    static final String COMPLAINT = """
            {"receivedAt":"2026-07-01","channel":"EMAIL",
             "complainant":{"name":"Sam Secret","email":"sam.secret@example.org"},"summary":"Sam Secret says it was late"}""";

    static Stream<Arguments> logComplaintBodies() {
        return Stream.of(
                Arguments.of("malformed JSON", "{\"receivedAt\":", 400, "malformed-json", null),
                Arguments.of("missing receivedAt", COMPLAINT.replace("\"receivedAt\":\"2026-07-01\",", ""), 400, "invalid-input", "receivedAt"),
                Arguments.of("impossible date", COMPLAINT.replace("2026-07-01", "2026-02-30"), 400, "invalid-input", "receivedAt"),
                Arguments.of("receivedAt in the future", COMPLAINT.replace("2026-07-01", TOMORROW), 400, "invalid-input", "receivedAt"),
                Arguments.of("unknown channel", COMPLAINT.replace("\"EMAIL\"", "\"SMOKE_SIGNAL\""), 400, "invalid-input", "channel"),
                Arguments.of("missing complainant", COMPLAINT.replaceAll("\"complainant\":\\{[^}]*},", ""), 400, "invalid-input", "complainant"),
                Arguments.of("complainant not contactable", COMPLAINT.replace(",\"email\":\"sam.secret@example.org\"}", "}"), 400, "invalid-input", "complainant"),
                Arguments.of("bad email", COMPLAINT.replace("sam.secret@example.org\"}", "not-an-address\"}"), 400, "invalid-input", "complainant.email"),
                Arguments.of("missing summary", COMPLAINT.replace(",\"summary\":\"Sam Secret says it was late\"", ""), 400, "invalid-input", "summary"),
                Arguments.of("about not a request reference", COMPLAINT.replace("late\"}", "late\",\"about\":\"my request\"}"), 400, "invalid-input", "about"),
                Arguments.of("about an unknown request", COMPLAINT.replace("late\"}", "late\",\"about\":\"" + UNKNOWN + "\"}"), 400, "invalid-input", "about"));
    }

    @ParameterizedTest(name = "POST /api/complaints: {0}")
    @MethodSource("logComplaintBodies")
    void logComplaintBody(String name, String body, int status, String type, String field) {
        expectProblem(dpo().body(body).post("/api/complaints").then(), status, type, field);
    }

    @Test
    void complaintUpdatesAcknowledgementsAndOutcomes() {
        String complaint = dpo().body(COMPLAINT).post("/api/complaints").then().statusCode(201).extract().path("reference");
        expectProblem(dpo().body("{\"tellComplainant\":true}").post("/api/complaints/{ref}/updates", complaint).then(),
                400, "invalid-input", "note");
        expectProblem(dpo().body("{\"note\":\"Asked\"}").post("/api/complaints/{ref}/updates", complaint).then(),
                400, "invalid-input", "tellComplainant");
        expectProblem(dpo().body("{\"sentOn\":\"" + TOMORROW + "\"}")
                .post("/api/complaints/{ref}/acknowledgement", complaint).then(), 400, "invalid-input", "sentOn");
        expectProblem(dpo().body("{\"sentOn\":\"2026-06-30\"}")
                .post("/api/complaints/{ref}/acknowledgement", complaint).then(), 400, "invalid-input", "sentOn");
        expectProblem(dpo().body("{\"sentOn\":\"1 July\"}")
                .post("/api/complaints/{ref}/acknowledgement", complaint).then(), 400, "invalid-input", "sentOn");
        expectProblem(dpo().body("{\"outcome\":\"SETTLED\",\"summary\":\"Done\"}")
                .post("/api/complaints/{ref}/outcome", complaint).then(), 400, "invalid-input", "outcome");
        expectProblem(dpo().body("{\"outcome\":\"UPHELD\"}")
                .post("/api/complaints/{ref}/outcome", complaint).then(), 400, "invalid-input", "summary");
        dpo().body("{\"sentOn\":\"2026-07-02\"}").post("/api/complaints/{ref}/acknowledgement", complaint)
                .then().statusCode(200);
        expectProblem(dpo().body("{\"sentOn\":\"2026-07-03\"}")
                .post("/api/complaints/{ref}/acknowledgement", complaint).then(), 409, "conflict", null)
                .body("code", equalTo("COMPLAINT_ACKNOWLEDGED"));
        dpo().body("{\"outcome\":\"UPHELD\",\"summary\":\"We were late\"}")
                .post("/api/complaints/{ref}/outcome", complaint).then().statusCode(200);
        expectProblem(dpo().body("{\"outcome\":\"NOT_UPHELD\",\"summary\":\"Again\"}")
                .post("/api/complaints/{ref}/outcome", complaint).then(), 409, "conflict", null)
                .body("code", equalTo("COMPLAINT_CLOSED"));
        expectProblem(dpo().body("{\"note\":\"Late note\",\"tellComplainant\":false}")
                .post("/api/complaints/{ref}/updates", complaint).then(), 409, "conflict", null)
                .body("code", equalTo("COMPLAINT_CLOSED"));
    }

    @Test
    void complaintQueriesAndUnknownComplaints() {
        expectProblem(dpo().get("/api/complaints/CMP-1999-999999").then(), 404, "not-found", null);
        expectProblem(dpo().get("/api/complaints/CMP-1999-999999/history").then(), 404, "not-found", null);
        expectProblem(dpo().get("/api/complaints/CMP-1999-999999/process").then(), 404, "not-found", null);
        expectProblem(dpo().body("{\"outcome\":\"UPHELD\",\"summary\":\"x\"}")
                .post("/api/complaints/CMP-1999-999999/outcome").then(), 404, "not-found", null);
        expectProblem(dpo().post("/api/complaints/CMP-1999-999999/incidents/no-such-incident/retry").then(),
                404, "not-found", null);
        expectProblem(dpo().post("/api/complaints/{ref}/incidents/no-such-incident/retry", org.dsarflow.Api.logComplaint())
                .then(), 404, "not-found", null);
        expectProblem(dpo().get("/api/complaints?status=LOST").then(), 400, "invalid-input", "status");
        expectProblem(dpo().get("/api/complaints?ackOverdue=perhaps").then(), 400, "invalid-input", "ackOverdue");
        expectProblem(dpo().get("/api/complaints?size=0").then(), 400, "invalid-input", "size");
        expectProblem(dpo().get("/api/complaints/report?to=2026-12-31").then(), 400, "invalid-input", "from");
        expectProblem(dpo().get("/api/complaints/report?from=2026-12-31&to=2026-01-01").then(), 400, "invalid-input", "from");
        expectProblem(dpo().get("/api/complaints/report?from=2026-02-30&to=2026-12-31").then(), 400, "invalid-input", "from");
        expectProblem(dpo().get("/api/complaints/report?from=2026-01-01&to=2026-12-31&format=xml").then(),
                400, "invalid-input", "format");
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
