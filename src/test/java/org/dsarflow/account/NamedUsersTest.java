package org.dsarflow.account;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.camunda.bpm.engine.HistoryService;
import org.dsarflow.Studies;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dsarflow.Api.admin;
import static org.dsarflow.Api.anonymous;
import static org.dsarflow.Api.auditor;
import static org.dsarflow.Api.requestBody;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/**
 * Named users: an admin creates them, they sign in as themselves, and the audit trail and the engine name
 * them; a role change, a disabled account and a password reset take effect at the next request.
 */
@QuarkusTest
class NamedUsersTest {

    private static final String PASSWORD = "a long pass phrase";

    @Inject
    HistoryService history;

    private static String create(String role) {
        String username = "jo-" + System.nanoTime();
        admin().body(Map.of("username", username, "displayName", "Jo Smith", "role", role, "password", PASSWORD))
                .post("/api/users").then().statusCode(201)
                .header("Location", org.hamcrest.Matchers.endsWith("/api/users/" + username))
                .body("username", equalTo(username))
                .body("displayName", equalTo("Jo Smith"))
                .body("role", equalTo(role))
                .body("enabled", equalTo(true))
                .body("password", nullValue())
                .body("passwordHash", nullValue())
                .body(not(org.hamcrest.Matchers.containsString(PASSWORD)));
        return username;
    }

    private static RequestSpecification as(String username, String password) {
        return anonymous().auth().preemptive().basic(username, password);
    }

    @Test
    void aNamedUserActsAsThemselvesInTheAuditTrailAndTheEngine() {
        String username = create("dpo");
        String reference = as(username, PASSWORD).body(requestBody("ACCESS", "2025-06-02"))
                .post("/api/requests").then().statusCode(201).extract().path("reference");

        auditor().get("/api/requests/{ref}/history", reference).then().statusCode(200)
                .body("find { it.action == 'REQUEST_LOGGED' }.actor", equalTo(username));

        String located = Studies.located(Studies.createWithCustodians("COLLECTION", "2024-01-01"), "ACCESS",
                "2024-02-01", "drive");
        as(username, PASSWORD).body(Map.of("approve", true)).post("/api/requests/{ref}/review", located)
                .then().statusCode(200);
        assertThat(history.createHistoricTaskInstanceQuery().processInstanceBusinessKey(located)
                .taskDefinitionKey("reviewDecision").singleResult().getAssignee()).isEqualTo(username);
        auditor().get("/api/requests/{ref}/history", located).then()
                .body("findAll { it.activity == 'reviewDecision' }.actor", hasItem(username));
    }

    @Test
    void theRoleDecidesWhatTheUserMayDo() {
        String username = create("auditor");
        as(username, PASSWORD).get("/api/audit/verify").then().statusCode(200);
        as(username, PASSWORD).body(requestBody("ACCESS", "2025-06-02")).post("/api/requests").then().statusCode(403);

        admin().body(Map.of("role", "dpo")).put("/api/users/{u}", username).then().statusCode(200)
                .body("role", equalTo("dpo"));

        as(username, PASSWORD).body(requestBody("ACCESS", "2025-06-02")).post("/api/requests").then().statusCode(201);
        as(username, PASSWORD).get("/api/audit/verify").then().statusCode(403);
    }

    @Test
    void aDisabledUserCannotSignInUntilEnabledAgain() {
        String username = create("dpo");
        as(username, PASSWORD).get("/api/tasks").then().statusCode(200);

        admin().body(Map.of("enabled", false)).put("/api/users/{u}", username).then().statusCode(200)
                .body("enabled", equalTo(false));
        as(username, PASSWORD).get("/api/tasks").then().statusCode(401);

        admin().body(Map.of("enabled", true)).put("/api/users/{u}", username).then().statusCode(200);
        as(username, PASSWORD).get("/api/tasks").then().statusCode(200);
    }

    @Test
    void aPasswordResetReplacesTheOldPassword() {
        String username = create("dpo");
        String fresh = "another long pass phrase";
        admin().body(Map.of("password", fresh)).put("/api/users/{u}", username).then().statusCode(200)
                .body(not(org.hamcrest.Matchers.containsString(fresh)));

        as(username, PASSWORD).get("/api/tasks").then().statusCode(401);
        as(username, fresh).get("/api/tasks").then().statusCode(200);
        as(username, "wrong password entirely").get("/api/tasks").then().statusCode(401);
        as("no-such-user", PASSWORD).get("/api/tasks").then().statusCode(401);
    }

    @Test
    void userChangesAreAuditedWithoutPasswordsAndListedWithoutThem() {
        String username = create("dpo");
        admin().body(Map.of("role", "auditor")).put("/api/users/{u}", username).then().statusCode(200);
        admin().body(Map.of("enabled", false)).put("/api/users/{u}", username).then().statusCode(200);

        String events = auditor().queryParam("from", LocalDate.now(ZoneOffset.UTC).minusDays(1).toString())
                .get("/api/audit/events")
                .then().statusCode(200).extract().asString();
        List<Map<String, Object>> entries = io.restassured.path.json.JsonPath.from(events)
                .getList("findAll { it.detail.username == '" + username + "' }");
        assertThat(entries).extracting(entry -> entry.get("action"))
                .containsExactly("USER_CREATED", "USER_ROLE_CHANGED", "USER_DISABLED");
        assertThat(entries).allSatisfy(entry -> assertThat(entry).containsEntry("actor", "admin"));
        assertThat(entries.toString()).doesNotContain(PASSWORD, "$2a$");
        assertThat(events).doesNotContain(PASSWORD);

        admin().get("/api/users").then().statusCode(200)
                .body("username", hasItem(username))
                .body(not(org.hamcrest.Matchers.containsString("$2a$")));
        admin().get("/api/users/{u}", username).then().statusCode(200)
                .body("role", equalTo("auditor"))
                .body("enabled", equalTo(false));
    }

    @Test
    void theBootstrapAccountsStillSignIn() {
        admin().get("/api/users").then().statusCode(200);
        auditor().get("/api/audit/verify").then().statusCode(200);
    }
}
