package org.dsarflow.fulfilment;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.dsarflow.Studies;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.LocalDate;
import java.time.ZoneId;
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
import static org.dsarflow.Api.logRequest;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/**
 * Art 15(1A) (DUAA s.78): the searches the DPO makes for an access request, and those judged unreasonable or
 * disproportionate, are recorded by name (never by value), listed in the response package and audited without
 * free text.
 */
@QuarkusTest
class SearchesTest {

    static final String REASON = "Boxes of paper consent forms from 2019 in off-site storage; Dr Jones says unindexed";

    @Test
    void theSearchesAreRecordedAndListedInTheResponsePackageWithoutTheReasonsFreeText() {
        String study = Studies.create("COLLECTION", "2024-01-01");
        String reference = Studies.located(study, "ACCESS", "2026-02-10", "drive");

        dpo().body(search("drive", study, null, "2026-02-11", List.of("email"), true, null))
                .post("/api/requests/{ref}/searches", reference).then().statusCode(201)
                .body("holdingKey", equalTo("drive")).body("studyKey", equalTo(study))
                .body("searchedBy", equalTo("dpo")).body("identifierNames", contains("email"));
        dpo().body(search(null, null, "Research office mailbox", "2026-02-12",
                        List.of("firstInitial", "surnamePrefix"), true, null))
                .post("/api/requests/{ref}/searches", reference).then().statusCode(201);
        dpo().body(search(null, null, "Paper consent archive", "2026-02-12", List.of(), false, REASON))
                .post("/api/requests/{ref}/searches", reference).then().statusCode(201)
                .body("reasonable", equalTo(false)).body("reason", equalTo(REASON));

        dpo().get("/api/requests/{ref}/searches", reference).then().statusCode(200)
                .body("system", contains(null, "Research office mailbox", "Paper consent archive"))
                .body("reason[2]", equalTo(REASON));
        auditor().get("/api/requests/{ref}/searches", reference).then().statusCode(200)
                .body("reason", everyItem(nullValue()));
        dpo().get("/api/requests/{ref}", reference).then().body("searches", hasSize(3));
        auditor().get("/api/requests/{ref}", reference).then().body("searches.reason", everyItem(nullValue()));
        auditor().get("/api/requests/{ref}/history", reference).then()
                .body("findAll { it.action == 'SEARCH_RECORDED' }", hasSize(3))
                .body("findAll { it.action == 'SEARCH_RECORDED' }.detail.source", contains("HOLDING", "SYSTEM", "SYSTEM"))
                .body("findAll { it.action == 'SEARCH_RECORDED' }.detail.reasonable", contains(true, true, false))
                .body("findAll { it.action == 'SEARCH_RECORDED' }.detail.toString()",
                        not(containsString("Dr Jones")))
                .body("findAll { it.action == 'SEARCH_RECORDED' }.detail.toString()",
                        not(containsString("Paper consent archive")));

        dpo().body(Map.of("approve", true)).post("/api/requests/{ref}/review", reference).then().statusCode(200);
        String json = dpo().get("/api/requests/{ref}/response-package", reference).then().statusCode(200)
                .body("sourcesSearched.source", contains("Restricted shared drive", "Research office mailbox",
                        "Paper consent archive"))
                .body("sourcesSearched.searched", contains(true, true, false))
                .body("sourcesSearched[0].identifierNames", contains("email"))
                .body("sourcesSearched[2].inWords", containsString("Art 15(1A)"))
                .extract().asString();
        assertThat(json).doesNotContain("Dr Jones");
        String csv = dpo().get("/api/requests/{ref}/response-package?format=csv", reference).then().statusCode(200)
                .extract().asString();
        assertThat(csv).contains(
                "\"" + study + "\",\"\",\"source-searched\",\"Restricted shared drive\",\"Searched on 2026-02-11 by email\"",
                "\"\",\"\",\"source-searched\",\"Research office mailbox\",",
                "\"\",\"\",\"source-not-searched\",\"Paper consent archive\",")
                .doesNotContain("Dr Jones");
    }

    static Stream<Arguments> badSearches() {
        String today = LocalDate.now(ZoneId.of("Europe/London")).toString();
        String tomorrow = LocalDate.now(ZoneId.of("Europe/London")).plusDays(1).toString();
        Supplier<String> access = () -> logRequest("ACCESS", "2026-02-10");
        return Stream.of(
                bad("an unknown holding", access, search("no-such-holding", null, null, today, List.of("email"), true, null),
                        400, "holdingKey"),
                bad("a holding of an unknown study", access, search("drive", "no-such-study", null, today,
                        List.of("email"), true, null), 400, "holdingKey"),
                bad("a date in the future", access, search(null, null, "Mailbox", tomorrow, List.of("email"), true, null),
                        400, "searchedOn"),
                bad("a date before receipt", access, search(null, null, "Mailbox", "2026-02-09", List.of("email"), true,
                        null), 400, "searchedOn"),
                bad("no date", access, search(null, null, "Mailbox", null, List.of("email"), true, null), 400, "searchedOn"),
                bad("a holding and a system", access, search("drive", null, "Mailbox", today, List.of("email"), true, null),
                        400, "system"),
                bad("neither holding nor system", access, search(null, null, null, today, List.of("email"), true, null),
                        400, "holdingKey"),
                bad("an identifier name no scheme knows", access, search(null, null, "Mailbox", today,
                        List.of("email", "shoeSize"), true, null), 400, "identifierNames"),
                bad("an identifier value for a name", access, search(null, null, "Mailbox", today,
                        List.of("someone@example.org"), true, null), 400, "identifierNames[0]"),
                bad("a search by no identifier", access, search(null, null, "Mailbox", today, List.of(), true, null),
                        400, "identifierNames"),
                bad("no reason for a search not made", access, search(null, null, "Mailbox", today, List.of(), false, null),
                        400, "reason"),
                bad("no judgement", access, search(null, null, "Mailbox", today, List.of("email"), null, null),
                        400, "reasonable"),
                conflict("a request of another type", () -> logRequest("ERASURE", "2026-02-10"), "NOT_AN_ACCESS_REQUEST"),
                conflict("a closed request", () -> {
                    String reference = logRequest("ACCESS", "2026-02-10");
                    dpo().body(Map.of("reason", "Withdrawn")).post("/api/requests/{ref}/cancel", reference);
                    return reference;
                }, "REQUEST_CLOSED"),
                Arguments.of("an unknown request", (Supplier<String>) () -> "DSAR-2026-999999",
                        search(null, null, "Mailbox", today, List.of("email"), true, null), 404, null, null));
    }

    @ParameterizedTest(name = "{0} -> {3} {4}{5}")
    @MethodSource("badSearches")
    void aBadSearchIsRefusedWithAProblem(String name, Supplier<String> request, Map<String, Object> body, int status,
                                         String field, String code) {
        ValidatableResponse response = dpo().body(body).post("/api/requests/{ref}/searches", request.get())
                .then().statusCode(status).contentType("application/problem+json").body("status", equalTo(status));
        if (field != null) {
            response.body("field", equalTo(field));
        }
        if (code != null) {
            response.body("code", equalTo(code));
        }
    }

    static Stream<Arguments> roles() {
        return Stream.of(
                Arguments.of("POST", "none", 401), Arguments.of("POST", "dpo", 201),
                Arguments.of("POST", "auditor", 403), Arguments.of("POST", "admin", 403),
                Arguments.of("GET", "none", 401), Arguments.of("GET", "dpo", 200),
                Arguments.of("GET", "auditor", 200), Arguments.of("GET", "admin", 403));
    }

    @ParameterizedTest(name = "{0} searches as {1} -> {2}")
    @MethodSource("roles")
    void theDpoRecordsSearchesAndTheAuditorReadsThem(String method, String account, int expected) {
        String reference = logRequest("ACCESS", "2026-02-10");
        var caller = account.equals("none") ? anonymous() : as(account);
        var response = method.equals("POST")
                ? caller.body(search(null, null, "Mailbox", "2026-02-11", List.of("email"), true, null))
                .post("/api/requests/{ref}/searches", reference)
                : caller.get("/api/requests/{ref}/searches", reference);
        response.then().statusCode(expected)
                .contentType(expected < 400 ? "application/json" : "application/problem+json");
    }

    private static Arguments bad(String name, Supplier<String> request, Map<String, Object> body, int status,
                                 String field) {
        return Arguments.of(name, request, body, status, field, null);
    }

    private static Arguments conflict(String name, Supplier<String> request, String code) {
        return Arguments.of(name, request, search(null, null, "Mailbox", "2026-02-11", List.of("email"), true, null),
                409, null, code);
    }

    static Map<String, Object> search(String holdingKey, String studyKey, String system, String searchedOn,
                                      List<String> identifierNames, Boolean reasonable, String reason) {
        Map<String, Object> body = new HashMap<>();
        body.put("holdingKey", holdingKey);
        body.put("studyKey", studyKey);
        body.put("system", system);
        body.put("searchedOn", searchedOn);
        body.put("identifierNames", identifierNames);
        body.put("reasonable", reasonable);
        body.put("reason", reason);
        return body;
    }
}
