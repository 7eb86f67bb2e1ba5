package org.dsarflow.repeat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.dsarflow.Jobs;
import org.dsarflow.Studies;
import org.dsarflow.intake.DsarRequest;
import org.dsarflow.intake.RetentionService;
import org.dsarflow.process.DsarProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dsarflow.Api.anonymous;
import static org.dsarflow.Api.as;
import static org.dsarflow.Api.auditor;
import static org.dsarflow.Api.dpo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/**
 * Repeat requests: found at intake by keyed hashes of the requester's email and of the identifiers supplied,
 * shown within dsar.repeat-window, and closed as a duplicate only by the DPO, only of an open request from the
 * same person.
 */
@QuarkusTest
class RepeatRequestsTest {

    private static final String BEFORE_DUPLICATES = "dsar-request-before-duplicates";

    @Inject
    RetentionService retention;
    @Inject
    RepositoryService repository;
    @Inject
    RuntimeService runtime;
    @Inject
    ManagementService management;

    @Test
    void anEarlierRequestFromTheSameEmailIsRelatedWhateverItsSpellingAndCountedWhenItAsksTheSame() {
        String email = unique("related");
        String access = log("ACCESS", "2026-06-01", email, Map.of("pseudonymId", unique("id")));
        String erasure = log("ERASURE", "2026-07-01", email.toUpperCase(), Map.of());
        String again = log("ACCESS", "2026-09-01", email, Map.of());

        String accessStatus = dpo().get("/api/requests/{ref}", access).then().extract().path("status");
        dpo().get("/api/requests/{ref}", again).then().statusCode(200)
                .body("relatedRequests.reference", contains(erasure, access))
                .body("relatedRequests.type", contains("ERASURE", "ACCESS"))
                .body("relatedRequests[1].status", equalTo(accessStatus))
                .body("relatedRequests[1].receivedOn", equalTo("2026-06-01"))
                .body("relatedOfSameType", equalTo(1));
        // Earlier requests only: the first of them has none before it.
        dpo().get("/api/requests/{ref}", access).then().body("relatedRequests", empty())
                .body("relatedOfSameType", equalTo(0));
        // Nothing in it is personal data, so the auditor sees it too.
        auditor().get("/api/requests/{ref}", again).then().statusCode(200)
                .body("relatedRequests.reference", contains(erasure, access));
    }

    @Test
    void identifiersInCommonRelateRequestsFromDifferentEmailAddresses() {
        Studies.create("COLLECTION", "2024-01-01");
        String authority = "Testborough " + System.nanoTime();
        String first = log("ACCESS", "2026-05-01", unique("first"),
                Map.of("firstName", "Sam", "surname", "Quill", "localAuthority", authority));
        String second = log("RECTIFICATION", "2026-08-01", unique("second"),
                Map.of("firstInitial", "s", "surnamePrefix", "qu", "localAuthority", authority.toUpperCase()));
        String stranger = log("ACCESS", "2026-08-01", unique("stranger"),
                Map.of("firstName", "Sam", "surname", "Quill", "localAuthority", authority + " North"));

        dpo().get("/api/requests/{ref}", second).then()
                .body("relatedRequests.reference", contains(first))
                .body("relatedOfSameType", equalTo(0));
        dpo().get("/api/requests/{ref}", stranger).then().body("relatedRequests", empty());
        assertThat(lookupsOf(first)).isNotEmpty().allSatisfy(hash -> assertThat(hash).hasSize(64)
                .doesNotContain("quill", "testborough"));
    }

    @Test
    void aRequestOutsideTheRepeatWindowIsNotShown() {
        String email = unique("window");
        String longAgo = log("ACCESS", "2025-05-31", email, Map.of());
        String withinAYear = log("ACCESS", "2025-06-01", email, Map.of());
        String now = log("ACCESS", "2026-06-01", email, Map.of());

        dpo().get("/api/requests/{ref}", now).then()
                .body("relatedRequests.reference", contains(withinAYear))
                .body("relatedRequests.reference", not(hasItem(longAgo)))
                .body("relatedOfSameType", equalTo(1));
    }

    @Test
    void theDpoClosesADuplicateOfAnOpenRequestFromTheSamePersonAndItsProcessEnds() {
        String email = unique("duplicate");
        String original = log("ACCESS", "2026-06-01", email, Map.of());
        String duplicate = log("ACCESS", "2026-06-03", email, Map.of());

        dpo().body(Map.of("reference", original)).post("/api/requests/{ref}/duplicate-of", duplicate).then()
                .statusCode(200)
                .body("status", equalTo("COMPLETED"))
                .body("outcome", equalTo("DUPLICATE"))
                .body("duplicateOf", equalTo(original));

        dpo().get("/api/requests/{ref}", original).then().body("status", not(equalTo("COMPLETED")));
        auditor().get("/api/requests/{ref}/history", duplicate).then()
                .body("find { it.action == 'REQUEST_CLOSED_AS_DUPLICATE' }.actor", equalTo("dpo"))
                .body("find { it.action == 'REQUEST_CLOSED_AS_DUPLICATE' }.detail.duplicateOf", equalTo(original))
                .body("find { it.action == 'REQUEST_CLOSED_AS_DUPLICATE' }.detail.sameType", equalTo(true))
                .body("find { it.action == 'REQUEST_CLOSED_AS_DUPLICATE' }.detail.toString()", not(
                        org.hamcrest.Matchers.containsString(email)));
        auditor().get("/api/requests/{ref}/history", original).then()
                .body("find { it.action == 'DUPLICATE_CLOSED_IN_FAVOUR' }.detail.duplicate", equalTo(duplicate));
        assertThat(Jobs.runEmails(runtime, management, duplicate)).isZero();
        dpo().get("/api/requests/{ref}/process", duplicate).then().statusCode(200)
                .body("activityId", hasItem("closedAsDuplicate"))
                .body("activityId", hasItem("sendDuplicateNotice"))
                .body("activityId", hasItem("closedDuplicate"));
        auditor().get("/api/requests/{ref}/history", duplicate).then()
                .body("findAll { it.action == 'EMAIL_SENT' }.detail.template", hasItem("DUPLICATE_NOTICE"));
    }

    @Test
    void theLookupHashesGoWithTheRequestsPersonalDataAtRetention() {
        String email = unique("retained");
        String withdrawn = log("ERASURE", "2026-06-01", email, Map.of());
        dpo().body(Map.of("reason", "Withdrawn")).post("/api/requests/{ref}/cancel", withdrawn).then().statusCode(200);
        String later = log("ERASURE", "2026-06-02", email, Map.of());
        dpo().get("/api/requests/{ref}", later).then().body("relatedRequests.reference", contains(withdrawn));
        Instant closedAt = QuarkusTransaction.requiringNew().call(() -> DsarRequest.require(withdrawn).closedAt);

        retention.deleteExpired(Clock.fixed(closedAt.atZone(ZoneOffset.UTC).plusYears(2).plusDays(1).toInstant(),
                ZoneOffset.UTC));

        assertThat(lookupsOf(withdrawn)).isEmpty();
        assertThat(lookupsOf(later)).isNotEmpty();
        dpo().get("/api/requests/{ref}", later).then().body("relatedRequests", empty());
    }

    static Stream<Arguments> badDuplicates() {
        return Stream.of(
                Arguments.of("no reference", (Supplier<Case>) () -> {
                    String ref = log("ACCESS", "2026-06-01", unique("bad"), Map.of());
                    return new Case(ref, Map.of());
                }, 400, null),
                Arguments.of("not a reference", (Supplier<Case>) () -> {
                    String ref = log("ACCESS", "2026-06-01", unique("bad"), Map.of());
                    return new Case(ref, Map.of("reference", "someone@example.org"));
                }, 400, null),
                Arguments.of("unknown original", (Supplier<Case>) () -> {
                    String ref = log("ACCESS", "2026-06-01", unique("bad"), Map.of());
                    return new Case(ref, Map.of("reference", "DSAR-2026-999999"));
                }, 400, null),
                Arguments.of("unknown request", (Supplier<Case>) () -> {
                    String ref = log("ACCESS", "2026-06-01", unique("bad"), Map.of());
                    return new Case("DSAR-2026-999999", Map.of("reference", ref));
                }, 404, null),
                Arguments.of("of itself", (Supplier<Case>) () -> {
                    String ref = log("ACCESS", "2026-06-01", unique("bad"), Map.of());
                    return new Case(ref, Map.of("reference", ref));
                }, 409, "DUPLICATE_OF_ITSELF"),
                Arguments.of("of a closed request", (Supplier<Case>) () -> {
                    String email = unique("bad");
                    String closed = log("ACCESS", "2026-06-01", email, Map.of());
                    dpo().body(Map.of("reason", "Withdrawn")).post("/api/requests/{ref}/cancel", closed);
                    return new Case(log("ACCESS", "2026-06-02", email, Map.of()), Map.of("reference", closed));
                }, 409, "ORIGINAL_CLOSED"),
                Arguments.of("of someone else's", (Supplier<Case>) () -> {
                    String theirs = log("ACCESS", "2026-06-01", unique("theirs"), Map.of());
                    return new Case(log("ACCESS", "2026-06-02", unique("mine"), Map.of()), Map.of("reference", theirs));
                }, 409, "NOT_THE_SAME_PERSON"),
                Arguments.of("already closed", (Supplier<Case>) () -> {
                    String email = unique("bad");
                    String original = log("ACCESS", "2026-06-01", email, Map.of());
                    String closed = log("ACCESS", "2026-06-02", email, Map.of());
                    dpo().body(Map.of("reason", "Withdrawn")).post("/api/requests/{ref}/cancel", closed);
                    return new Case(closed, Map.of("reference", original));
                }, 409, "REQUEST_CLOSED"));
    }

    @Test
    void aRequestWhoseProcessPredatesTheDuplicateCloseIsRefusedAndStaysOpen() {
        String email = unique("predates");
        String original = log("ACCESS", "2026-06-01", email, Map.of());
        String duplicate = log("ACCESS", "2026-06-03", email, Map.of());
        // Its instance is swapped for one of a model that, like dsar-request before the duplicate close, has
        // no event to take it; the model still ends on a cancellation, so the test leaves nothing running.
        repository.createDeployment().name(BEFORE_DUPLICATES).enableDuplicateFiltering(false)
                .addModelInstance(BEFORE_DUPLICATES + ".bpmn", Bpmn.createExecutableProcess(BEFORE_DUPLICATES)
                        .camundaHistoryTimeToLive(1)
                        .startEvent().userTask("reviewDecision").endEvent("reviewed")
                        .moveToActivity("reviewDecision").boundaryEvent("cancelled").message(DsarProcess.REQUEST_CANCELLED)
                        .endEvent("ended").done())
                .deploy();
        runtime.deleteProcessInstance(runtime.createProcessInstanceQuery().processDefinitionKey(DsarProcess.KEY)
                .processInstanceBusinessKey(duplicate).singleResult().getId(), "replaced by an older model", true, true);
        runtime.startProcessInstanceByKey(BEFORE_DUPLICATES, duplicate);

        dpo().body(Map.of("reference", original)).post("/api/requests/{ref}/duplicate-of", duplicate).then()
                .statusCode(409).contentType("application/problem+json")
                .body("code", equalTo("PROCESS_PREDATES_DUPLICATE_CLOSE"))
                .body("detail", org.hamcrest.Matchers.containsString("cancel it instead"));
        dpo().get("/api/requests/{ref}", duplicate).then()
                .body("status", not(equalTo("COMPLETED")))
                .body("duplicateOf", nullValue());
        auditor().get("/api/requests/{ref}/history", duplicate).then()
                .body("action", not(hasItem("REQUEST_CLOSED_AS_DUPLICATE")));

        dpo().body(Map.of("reason", "Closed by hand")).post("/api/requests/{ref}/cancel", duplicate).then()
                .statusCode(200).body("status", equalTo("CANCELLED"));
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(duplicate).count()).isZero();
    }

    record Case(String reference, Map<String, String> body) {
    }

    @ParameterizedTest(name = "{0} -> {2} {3}")
    @MethodSource("badDuplicates")
    void aBadDuplicateIsRefusedWithAProblem(String name, Supplier<Case> setUp, int status, String code) {
        Case c = setUp.get();
        ValidatableResponse response = dpo().body(c.body()).post("/api/requests/{ref}/duplicate-of", c.reference())
                .then().statusCode(status).contentType("application/problem+json")
                .body("status", equalTo(status));
        if (code != null) {
            response.body("code", equalTo(code));
        }
        if (status == 400) {
            response.body("field", equalTo("reference"));
        }
    }

    @ParameterizedTest(name = "POST duplicate-of as {0} -> {1}")
    @MethodSource("roles")
    void onlyTheDpoClosesADuplicate(String account, int expected) {
        String email = unique("roles");
        String original = log("ACCESS", "2026-06-01", email, Map.of());
        String duplicate = log("ACCESS", "2026-06-02", email, Map.of());
        (account.equals("none") ? anonymous() : as(account)).body(Map.of("reference", original))
                .post("/api/requests/{ref}/duplicate-of", duplicate).then().statusCode(expected)
                .contentType(expected == 200 ? "application/json" : "application/problem+json");
        dpo().get("/api/requests/{ref}", duplicate).then()
                .body("outcome", expected == 200 ? equalTo("DUPLICATE") : nullValue());
    }

    static Stream<Arguments> roles() {
        return Stream.of(Arguments.of("none", 401), Arguments.of("dpo", 200), Arguments.of("auditor", 403),
                Arguments.of("admin", 403));
    }

    static String log(String type, String receivedAt, String email, Map<String, String> identifiers) {
        Map<String, Object> body = new HashMap<>(Map.of("type", type, "receivedAt", receivedAt, "channel", "EMAIL",
                "requester", Map.of("name", "Rene Repeat", "email", email), "identifiers", identifiers));
        if (type.equals("RECTIFICATION")) {
            body.put("changes", Map.of("surname", "Quill-Smith"));
        }
        return dpo().body(body).post("/api/requests").then().statusCode(201).extract().path("reference");
    }

    static String unique(String who) {
        return who + "." + System.nanoTime() + "@example.org";
    }

    private static List<String> lookupsOf(String reference) {
        return QuarkusTransaction.requiringNew().call(() -> RequestLookup.<RequestLookup>list("requestId",
                DsarRequest.require(reference).id).stream().map(lookup -> lookup.lookupHash).toList());
    }
}
