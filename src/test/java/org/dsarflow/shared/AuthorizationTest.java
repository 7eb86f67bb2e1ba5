package org.dsarflow.shared;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.dsarflow.Api;
import org.dsarflow.Studies;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.dsarflow.Api.admin;
import static org.dsarflow.Api.anonymous;
import static org.dsarflow.Api.as;
import static org.dsarflow.Api.dpo;
import static org.dsarflow.Api.logRequest;

/**
 * Who may call what (PRODUCT.md §7): every endpoint, with no credentials and as each role. A call
 * that is allowed gets its ordinary answer, so the table also says what that answer is.
 */
@QuarkusTest
class AuthorizationTest {

    static final String REQUEST = """
            {"type":"ACCESS","receivedAt":"2025-03-10","channel":"POST",
             "requester":{"name":"Pat Example","postalAddress":"1 High Street"}}""";

    static final String RECTIFICATION = """
            {"type":"RECTIFICATION","receivedAt":"2025-03-10","channel":"POST",
             "requester":{"name":"Pat Example","postalAddress":"1 High Street"},"changes":{"surname":"Exemplar"}}""";

    static final String STUDY = """
            {"key":"%s","name":"Authorisation study","phase":"COLLECTION","phaseSince":"2024-01-01",
             "identifierSchemes":[["email"]],"holdings":[{"key":"drive","location":"Shared drive",
             "custody":"INTERNAL","identifiability":"IDENTIFIED","source":"PRIMARY"}]}""";

    /** {@code reference} makes the request the call acts on, in the state where the call is ordinarily allowed. */
    record Call(String name, Supplier<String> reference,
                BiFunction<RequestSpecification, String, io.restassured.response.Response> send) {

        Call(String name, BiFunction<RequestSpecification, String, io.restassured.response.Response> send) {
            this(name, () -> logRequest("ACCESS", "2025-03-10"), send);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> matrix() {
        Call log = new Call("POST /api/requests", (s, ref) -> s.body(REQUEST).post("/api/requests"));
        Call list = new Call("GET /api/requests", (s, ref) -> s.get("/api/requests"));
        Call view = new Call("GET /api/requests/{ref}", (s, ref) -> s.get("/api/requests/{ref}", ref));
        Call clock = new Call("POST clock-events", (s, ref) -> s.body("{\"kind\":\"IDENTITY_REQUESTED\",\"on\":\"2025-03-11\"}")
                .post("/api/requests/{ref}/clock-events", ref));
        Call cancel = new Call("POST cancel", (s, ref) -> s.body("{\"reason\":\"Withdrawn\"}")
                .post("/api/requests/{ref}/cancel", ref));
        Call holidays = new Call("GET /api/calendar/holidays", (s, ref) -> s.get("/api/calendar/holidays"));
        Call replaceHolidays = new Call("PUT /api/calendar/holidays", (s, ref) -> s
                .body(anonymous().get("/api/calendar/holidays").asString()).put("/api/calendar/holidays"));
        Call deadline = new Call("GET /api/calendar/deadline", (s, ref) -> s.get("/api/calendar/deadline?receivedOn=2025-01-01"));
        Call health = new Call("GET /q/health", (s, ref) -> s.get("/q/health"));
        Call rectify = new Call("POST /api/requests with changes", (s, ref) -> s.body(RECTIFICATION).post("/api/requests"));
        Call review = new Call("POST review", () -> awaitingReview("ACCESS", "drive"),
                (s, ref) -> s.body("{\"approve\":true}").post("/api/requests/{ref}/review", ref));
        Call confirm = new Call("POST custodian-confirmations", () -> approved("ERASURE", "survey"),
                (s, ref) -> s.body("{\"holdingKey\":\"survey\",\"confirmedOn\":\"2024-03-01\"}")
                        .post("/api/requests/{ref}/custodian-confirmations", ref));
        Call packageJson = new Call("GET response-package", () -> approved("ACCESS", "drive"),
                (s, ref) -> s.get("/api/requests/{ref}/response-package", ref));
        Call packageCsv = new Call("GET response-package?format=csv", () -> approved("ACCESS", "drive"),
                (s, ref) -> s.get("/api/requests/{ref}/response-package?format=csv", ref));
        Call lift = new Call("POST restriction/lift", () -> approved("RESTRICTION", "drive"),
                (s, ref) -> s.body("{\"reason\":\"Accuracy confirmed; requester told\"}")
                        .post("/api/requests/{ref}/restriction/lift", ref));
        Call tasks = new Call("GET /api/tasks", (s, ref) -> s.get("/api/tasks?page=0&size=10"));
        Call identifiers = new Call("POST identifiers", (s, ref) -> s.body("{\"identifiers\":{\"email\":\"pat@example.org\"}}")
                .post("/api/requests/{ref}/identifiers", ref));
        Call noDataHeld = new Call("POST no-data-held", (s, ref) -> s.post("/api/requests/{ref}/no-data-held", ref));
        Call history = new Call("GET history", (s, ref) -> s.get("/api/requests/{ref}/history", ref));
        Call auditEvents = new Call("GET /api/audit/events", (s, ref) -> s.get("/api/audit/events?from=2999-01-01"));
        Call auditCsv = new Call("GET /api/audit/events?format=csv",
                (s, ref) -> s.get("/api/audit/events?format=csv&from=2999-01-01"));
        Call verify = new Call("GET /api/audit/verify", (s, ref) -> s.get("/api/audit/verify"));
        Call verifyCheckpoint = new Call("GET /api/audit/verify?checkpoint", (s, ref) -> s.get(
                "/api/audit/verify?checkpoint=0:0000000000000000000000000000000000000000000000000000000000000000"));
        Call checkpoint = new Call("GET /api/audit/checkpoint", (s, ref) -> s.get("/api/audit/checkpoint"));
        // Unsigned in the test profile: a 404 problem to anyone, signed-in or not (SignedCheckpointTest has the 200).
        Call publicKey = new Call("GET /api/audit/public-key", (s, ref) -> s.get("/api/audit/public-key"));
        Call studies = new Call("GET /api/studies", (s, ref) -> s.get("/api/studies"));
        Call study = new Call("GET /api/studies/{key}", AuthorizationTest::study, (s, key) -> s.get("/api/studies/{key}", key));
        Call register = new Call("POST /api/studies", (s, ref) -> s.body(STUDY.formatted("auth-" + System.nanoTime()))
                .post("/api/studies"));
        Call replace = new Call("PUT /api/studies/{key}", AuthorizationTest::study, (s, key) -> s
                .body(as("admin").get("/api/studies/{key}", key).asString()).put("/api/studies/{key}", key));
        Call phase = new Call("POST /api/studies/{key}/phase", AuthorizationTest::study, (s, key) -> s
                .body("{\"phase\":\"ANALYSIS\",\"on\":\"2024-06-01\"}").post("/api/studies/{key}/phase", key));
        Call subjects = new Call("POST /api/studies/{key}/subjects", AuthorizationTest::study, (s, key) -> s
                .body("[{\"subjectRef\":\"A-1\",\"category\":\"SOCIAL_WORKER\",\"identifiers\":{\"email\":\"a1@example.org\"},"
                        + "\"holdings\":[\"drive\"]}]").post("/api/studies/{key}/subjects", key));
        Call demo = new Call("POST /api/demo-catalogue", (s, ref) -> s.post("/api/demo-catalogue?subjectsPerStudy=5"));
        Call incidents = new Call("GET /api/incidents", (s, ref) -> s.get("/api/incidents"));
        Call retry = new Call("POST incidents/{id}/retry (none open: 404)",
                (s, ref) -> s.post("/api/requests/{ref}/incidents/{id}/retry", ref, "no-such-incident"));
        Call process = new Call("GET process", (s, ref) -> s.get("/api/requests/{ref}/process", ref));
        Call authority = new Call("POST authority", AuthorizationTest::representative, (s, ref) -> s
                .body("{\"evidence\":\"SIGNED_AUTHORITY\",\"receivedOn\":\"2025-03-10\"}")
                .post("/api/requests/{ref}/authority", ref));
        Call redaction = new Call("POST redactions", AuthorizationTest::heldBackForRedaction, (s, ref) -> s
                .body("{\"holdingKey\":\"interviews\",\"outcome\":\"REDACTED\",\"reasons\":\"Names removed\"}")
                .post("/api/requests/{ref}/redactions", ref));
        Call logComplaint = new Call("POST /api/complaints", (s, ref) -> s
                .body(Api.complaintBody("2026-07-01", ref)).post("/api/complaints"));
        Call complaintRetry = new Call("POST complaint incidents/{id}/retry (none open: 404)", Api::logComplaint,
                (s, ref) -> s.post("/api/complaints/{ref}/incidents/{id}/retry", ref, "no-such-incident"));
        Call complaints = new Call("GET /api/complaints", () -> null, (s, ref) -> s.get("/api/complaints"));
        Call complaint = new Call("GET /api/complaints/{ref}", Api::logComplaint,
                (s, ref) -> s.get("/api/complaints/{ref}", ref));
        Call complaintHistory = new Call("GET complaint history", Api::logComplaint,
                (s, ref) -> s.get("/api/complaints/{ref}/history", ref));
        Call complaintProcess = new Call("GET complaint process", Api::logComplaint,
                (s, ref) -> s.get("/api/complaints/{ref}/process", ref));
        Call complaintUpdate = new Call("POST complaint updates", Api::logComplaint, (s, ref) -> s
                .body("{\"note\":\"Asked the study team\",\"tellComplainant\":false}")
                .post("/api/complaints/{ref}/updates", ref));
        Call complaintAcknowledgement = new Call("POST complaint acknowledgement", Api::logComplaint, (s, ref) -> s
                .body("{\"sentOn\":\"" + java.time.LocalDate.now(java.time.ZoneId.of("Europe/London")) + "\"}")
                .post("/api/complaints/{ref}/acknowledgement", ref));
        Call complaintOutcome = new Call("POST complaint outcome", Api::logComplaint, (s, ref) -> s
                .body("{\"outcome\":\"NOT_UPHELD\",\"summary\":\"Answered in time\"}")
                .post("/api/complaints/{ref}/outcome", ref));
        Call complaintReport = new Call("GET /api/complaints/report", () -> null,
                (s, ref) -> s.get("/api/complaints/report?from=2026-06-19&to=2026-12-31"));
        Call complaintReportCsv = new Call("GET /api/complaints/report?format=csv", () -> null,
                (s, ref) -> s.get("/api/complaints/report?from=2026-06-19&to=2026-12-31&format=csv"));
        Call users = new Call("GET /api/users", () -> null, (s, ref) -> s.get("/api/users"));
        Call user = new Call("GET /api/users/{username}", AuthorizationTest::namedUser,
                (s, name) -> s.get("/api/users/{username}", name));
        Call createUser = new Call("POST /api/users", () -> null, (s, ref) -> s.body(
                "{\"username\":\"auth-" + System.nanoTime() + "\",\"displayName\":\"Auth Test\",\"role\":\"dpo\","
                        + "\"password\":\"correct horse battery\"}").post("/api/users"));
        Call changeUser = new Call("PUT /api/users/{username}", AuthorizationTest::namedUser,
                (s, name) -> s.body("{\"role\":\"auditor\"}").put("/api/users/{username}", name));
        // The operator's endpoints act on no request, so none is logged for them.
        Call metrics = new Call("GET /q/metrics", () -> null, (s, ref) -> s.get("/q/metrics"));
        Call openapi = new Call("GET /q/openapi", () -> null, (s, ref) -> s.get("/q/openapi"));
        Call swaggerUi = new Call("GET /q/swagger-ui/", () -> null, (s, ref) -> s.get("/q/swagger-ui/"));
        //                         call             none  dpo  auditor admin
        return Stream.of(
                row(log,             401, 201, 403, 403),
                row(list,            401, 200, 200, 403),
                row(view,            401, 200, 200, 403),
                row(clock,           401, 200, 403, 403),
                row(cancel,          401, 200, 403, 403),
                row(holidays,        200, 200, 200, 200),
                row(replaceHolidays, 401, 403, 403, 200),
                row(deadline,        401, 200, 200, 200),
                row(health,          200, 200, 200, 200),
                row(rectify,         401, 201, 403, 403),
                row(review,          401, 200, 403, 403),
                row(confirm,         401, 200, 403, 403),
                row(packageJson,     401, 200, 403, 403),
                row(packageCsv,      401, 200, 403, 403),
                row(lift,            401, 200, 403, 403),
                row(tasks,           401, 200, 403, 403),
                row(identifiers,     401, 200, 403, 403),
                row(noDataHeld,      401, 200, 403, 403),
                row(history,         401, 200, 200, 403),
                row(auditEvents,     401, 403, 200, 403),
                row(auditCsv,        401, 403, 200, 403),
                row(verify,          401, 403, 200, 403),
                row(verifyCheckpoint, 401, 403, 200, 403),
                row(checkpoint,      401, 403, 200, 403),
                row(publicKey,       404, 404, 404, 404),
                row(studies,         401, 200, 403, 200),
                row(study,           401, 200, 403, 200),
                row(register,        401, 403, 403, 201),
                row(replace,         401, 403, 403, 200),
                row(phase,           401, 403, 403, 200),
                row(subjects,        401, 403, 403, 200),
                row(demo,            401, 403, 403, 200),
                row(incidents,       401, 200, 200, 403),
                row(retry,           401, 404, 403, 403),
                row(process,         401, 200, 200, 403),
                row(authority,       401, 200, 403, 403),
                row(redaction,       401, 200, 403, 403),
                row(logComplaint,    401, 201, 403, 403),
                row(complaintRetry,  401, 404, 403, 403),
                row(complaints,      401, 200, 200, 403),
                row(complaint,       401, 200, 200, 403),
                row(complaintHistory, 401, 200, 200, 403),
                row(complaintProcess, 401, 200, 200, 403),
                row(complaintUpdate, 401, 200, 403, 403),
                row(complaintAcknowledgement, 401, 200, 403, 403),
                row(complaintOutcome, 401, 200, 403, 403),
                row(complaintReport, 401, 200, 200, 403),
                row(complaintReportCsv, 401, 200, 200, 403),
                row(users,           401, 403, 403, 200),
                row(user,            401, 403, 403, 200),
                row(createUser,      401, 403, 403, 201),
                row(changeUser,      401, 403, 403, 200),
                row(metrics,         200, 200, 200, 200),
                row(openapi,         200, 200, 200, 200),
                row(swaggerUi,       200, 200, 200, 200))
                .flatMap(row -> row);
    }

    private static Stream<Arguments> row(Call call, int none, int dpo, int auditor, int admin) {
        return Stream.of(
                Arguments.of(call, "none", none),
                Arguments.of(call, "dpo", dpo),
                Arguments.of(call, "auditor", auditor),
                Arguments.of(call, "admin", admin));
    }

    @ParameterizedTest(name = "{0} as {1} -> {2}")
    @MethodSource("matrix")
    void access(Call call, String account, int expected) {
        String reference = call.reference().get();
        RequestSpecification caller = account.equals("none") ? anonymous() : as(account);
        call.send().apply(caller, reference).then().statusCode(expected);
    }

    /** A fresh named user, created by the admin. */
    private static String namedUser() {
        String name = "auth-" + System.nanoTime();
        admin().body(Map.of("username", name, "displayName", "Auth Test", "role", "dpo",
                "password", "correct horse battery")).post("/api/users").then().statusCode(201);
        return name;
    }

    /** A fresh study in COLLECTION, so every call that changes it is allowed. */
    private static String study() {
        return Studies.create("COLLECTION", "2024-01-01");
    }

    private static String awaitingReview(String type, String holding) {
        return Studies.located(Studies.createWithCustodians("COLLECTION", "2024-01-01"), type, "2024-02-01", holding);
    }

    /** A request a solicitor made for the subject, its authority not yet recorded. */
    private static String representative() {
        return dpo().body(REQUEST.replace("\"requester\"", "\"onBehalfOf\":{\"relationship\":\"LEGAL_REPRESENTATIVE\"},"
                        + "\"requester\"")).post("/api/requests").then().statusCode(201).extract().path("reference");
    }

    /** An approved access request whose copy of the interviews waits for its redaction step. */
    private static String heldBackForRedaction() {
        String reference = Studies.located(Studies.createWithInterviews("COLLECTION", "2024-01-01"), "ACCESS",
                "2024-02-01", "drive", "interviews");
        dpo().body("{\"approve\":true}").post("/api/requests/{ref}/review", reference).then().statusCode(200);
        return reference;
    }

    private static String approved(String type, String holding) {
        String reference = awaitingReview(type, holding);
        dpo().body("{\"approve\":true}").post("/api/requests/{ref}/review", reference).then().statusCode(200);
        return reference;
    }

    @ParameterizedTest(name = "wrong password for {0} -> 401")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"dpo", "auditor", "admin", "root"})
    void wrongPassword(String account) {
        anonymous().auth().preemptive().basic(account, "guess").get("/api/requests").then().statusCode(401);
    }
}
