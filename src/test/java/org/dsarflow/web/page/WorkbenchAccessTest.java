package org.dsarflow.web.page;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.dsarflow.Api.logRequest;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.containsStringIgnoringCase;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

/**
 * The workbench's front door and its role matrix: the login page, who may open which page, and the
 * API beside it still answering with a Basic challenge, never a redirect to the login page.
 */
@QuarkusTest
class WorkbenchAccessTest {

    @Test
    void anonymousVisitorsSeeTheLoginPage() {
        RestAssured.given().get("/").then().statusCode(200)
                .contentType(containsString("text/html"))
                .body(containsString("action=\"/j_security_check\""));
    }

    @Test
    void aWrongPasswordShowsTheLoginPageWithTheProblem() {
        RestAssured.given().redirects().follow(false).header("Origin", Sessions.origin())
                .formParam("j_username", "dpo").formParam("j_password", "guess").post("/j_security_check")
                .then().statusCode(302).header("Location", endsWith("/?error=true"));
        RestAssured.given().get("/?error=true").then().statusCode(200)
                .body(containsString("govuk-error-summary"));
    }

    @ParameterizedTest(name = "{0} starts on {1}")
    @CsvSource({"dpo,/workbench/inbox", "auditor,/workbench/requests", "admin,/workbench/studies"})
    void eachRoleStartsOnItsOwnPage(String account, String home) {
        Sessions session = Sessions.login(account);
        session.given().get("/").then().statusCode(303).header("Location", endsWith(home));
    }

    @Test
    void anAnonymousPageVisitIsSentToTheLoginPage() {
        RestAssured.given().redirects().follow(false).get("/workbench/inbox")
                .then().statusCode(302).header("Location", endsWith("/"));
    }

    @Test
    void theApiStillAnswersUnauthorisedWithABasicChallenge() {
        RestAssured.given().redirects().follow(false).get("/api/tasks")
                .then().statusCode(401).header("WWW-Authenticate", containsStringIgnoringCase("basic"))
                .header("Location", emptyOrNullString());
    }

    /** Page by page, as the API's matrix (AuthorizationTest): 200 for the roles allowed, 403 for the others. */
    @ParameterizedTest(name = "GET {0} as {1} -> {2}")
    @CsvSource({
            "/workbench/inbox,dpo,200", "/workbench/inbox,auditor,403", "/workbench/inbox,admin,403",
            "/workbench/requests,dpo,200", "/workbench/requests,auditor,200", "/workbench/requests,admin,403",
            "/workbench/requests/new,dpo,200", "/workbench/requests/new,auditor,403", "/workbench/requests/new,admin,403",
            "/workbench/requests/{ref},dpo,200", "/workbench/requests/{ref},auditor,200",
            "/workbench/requests/{ref},admin,403",
            "/workbench/diagrams/dsar-request.bpmn,dpo,200", "/workbench/diagrams/dsar-request.bpmn,auditor,200",
            "/workbench/diagrams/dsar-request.bpmn,admin,403",
            "/workbench/audit,dpo,403", "/workbench/audit,auditor,200", "/workbench/audit,admin,403",
            "/workbench/audit?verify=true,auditor,200",
            "/workbench/calendar,dpo,403", "/workbench/calendar,auditor,403", "/workbench/calendar,admin,200",
            "/workbench/studies,dpo,200", "/workbench/studies,auditor,403", "/workbench/studies,admin,200",
            "/workbench/users,dpo,403", "/workbench/users,auditor,403", "/workbench/users,admin,200"})
    void pagesRefuseTheWrongRole(String page, String account, int expected) {
        String path = page.replace("{ref}", logRequest("ACCESS", "2025-03-10"));
        Sessions.login(account).given().get(path).then().statusCode(expected);
    }

    /** Each form's action, as the API's matrix: the DPO's change goes through, the other roles are refused. */
    @ParameterizedTest(name = "POST {0} as {1} -> {2}")
    @CsvSource({
            "cancel,dpo,303", "cancel,auditor,403", "cancel,admin,403",
            "clock-events,dpo,303", "clock-events,auditor,403", "clock-events,admin,403",
            "no-data-held,dpo,303", "no-data-held,auditor,403", "no-data-held,admin,403",
            "review,auditor,403", "review,admin,403",
            "custodian-confirmations,auditor,403", "custodian-confirmations,admin,403",
            "incidents/none/retry,auditor,403", "incidents/none/retry,admin,403"})
    void formsRefuseTheWrongRole(String action, String account, int expected) {
        String reference = logRequest("ACCESS", "2025-03-10");
        Sessions session = Sessions.login(account);
        session.given().formParam("csrf", session.csrf()).formParam("reason", "Withdrawn by the requester")
                .formParam("kind", "IDENTITY_REQUESTED").formParam("on", "2025-03-11")
                .post("/workbench/requests/{ref}/" + action, reference)
                .then().statusCode(expected);
    }

    @ParameterizedTest(name = "POST the phase of a study as {0} -> {1}")
    @CsvSource({"admin,303", "dpo,403", "auditor,403"})
    void onlyTheAdminChangesAStudysPhase(String account, int expected) {
        String study = org.dsarflow.Studies.create("COLLECTION", "2024-01-01");
        Sessions session = Sessions.login(account);
        session.given().formParam("csrf", session.csrf()).formParam("phase", "ANALYSIS").formParam("on", "2024-06-01")
                .post("/workbench/studies/{key}/phase", study)
                .then().statusCode(expected);
    }

    @Test
    void theAdminUploadsARegistryAndSeesTheRejectedLines() {
        String study = org.dsarflow.Studies.create("COLLECTION", "2024-01-01");
        Sessions session = Sessions.login("admin");
        String csv = "subjectRef,category,id.email,holdings\nW-1,SOCIAL_WORKER,w1@example.org,drive\n,SOCIAL_WORKER,,drive\n";
        session.given().multiPart("csrf", session.csrf()).multiPart("file", "registry.csv", csv.getBytes(), "text/csv")
                .post("/workbench/studies/{key}/registry", study)
                .then().statusCode(200)
                .body(containsString("1 created, 0 updated, 1 rejected"))
                .body(containsString("Line 3"));
    }

    @Test
    void logARequestNamesTheWrongFieldAndLogsOnceForADoubleSubmit() {
        Sessions session = Sessions.login("dpo");
        java.util.Map<String, String> form = new java.util.HashMap<>(java.util.Map.of("csrf", session.csrf(),
                "idempotencyKey", "double-submit-" + System.nanoTime(), "type", "ACCESS", "receivedAt", "soon",
                "channel", "POST", "requester.name", "Pat Example", "requester.postalAddress", "1 High Street"));
        session.given().formParams(form).post("/workbench/requests/new").then().statusCode(400)
                .body(containsString("href=\"#receivedAt\""))
                .body(containsString("govuk-error-summary"));
        form.put("receivedAt", "2025-03-10");
        String first = session.given().formParams(form).post("/workbench/requests/new")
                .then().statusCode(303).extract().header("Location");
        String second = session.given().formParams(form).post("/workbench/requests/new")
                .then().statusCode(303).extract().header("Location");
        org.assertj.core.api.Assertions.assertThat(second).isEqualTo(first).contains("/workbench/requests/DSAR-");
    }

    @Test
    void aCrossSitePostIsRefused() {
        Sessions session = Sessions.login("dpo");
        session.given().header("Origin", "https://attacker.example").formParam("csrf", session.csrf())
                .post("/workbench/logout")
                .then().statusCode(403).body("code", equalTo("CROSS_SITE_REQUEST"));
        // Without an Origin, a Referer of another site is refused as well.
        session.withoutOrigin().header("Referer", "https://attacker.example/page").formParam("csrf", session.csrf())
                .post("/workbench/logout")
                .then().statusCode(403);
    }

    @Test
    void aLoginPostedFromAnotherSiteIsRefused() {
        RestAssured.given().redirects().follow(false).header("Origin", "https://attacker.example")
                .formParam("j_username", "dpo").formParam("j_password", "dpo-test").post("/j_security_check")
                .then().statusCode(403).header("Set-Cookie", org.hamcrest.Matchers.nullValue());
        RestAssured.given().redirects().follow(false)
                .formParam("j_username", "dpo").formParam("j_password", "dpo-test").post("/j_security_check")
                .then().statusCode(403);
    }

    @Test
    void aPostWithTheSessionCookieButNoTokenIsRefused() {
        Sessions session = Sessions.login("dpo");
        session.given().post("/workbench/logout").then().statusCode(403);
        session.given().formParam("csrf", "forged").post("/workbench/logout").then().statusCode(403);
        session.given().formParam("csrf", session.csrf()).post("/workbench/logout")
                .then().statusCode(303).header("Location", not(emptyOrNullString()));
    }

    @Test
    void theApiRefusesACrossSiteChangeMadeWithTheSessionCookie() {
        Sessions session = Sessions.login("dpo");
        String reference = logRequest("ACCESS", "2025-03-10");
        session.given().header("Origin", "https://attacker.example")
                .post("/api/requests/{ref}/no-data-held", reference)
                .then().statusCode(403).body("code", equalTo("CROSS_SITE_REQUEST"));
    }

    /** The users page's forms, as /api/users: the admin's change goes through, the other roles are refused. */
    @ParameterizedTest(name = "POST a new user as {0} -> {1}")
    @CsvSource({"admin,303", "dpo,403", "auditor,403"})
    void onlyTheAdminCreatesAUserOnTheUsersPage(String account, int expected) {
        Sessions session = Sessions.login(account);
        session.given().formParam("csrf", session.csrf()).formParam("username", "page-" + account + "-" + System.nanoTime())
                .formParam("displayName", "Page User").formParam("role", "auditor")
                .formParam("password", "a-long-enough-password")
                .post("/workbench/users")
                .then().statusCode(expected);
    }

    @Test
    void theAdminManagesAUserOnTheUsersPage() {
        Sessions admin = Sessions.login("admin");
        String username = "workbench-" + System.nanoTime();
        admin.given().formParam("csrf", admin.csrf()).formParam("username", username)
                .formParam("displayName", "Wendy Workbench").formParam("role", "dpo")
                .formParam("password", "short")
                .post("/workbench/users")
                .then().statusCode(400)
                .body(containsString("govuk-error-summary"))
                .body(containsString("href=\"#password\""))
                .body(containsString("value=\"" + username + "\""))
                .body(not(containsString("value=\"short\"")));
        admin.given().formParam("csrf", admin.csrf()).formParam("username", username)
                .formParam("displayName", "Wendy Workbench").formParam("role", "dpo")
                .formParam("password", "a-long-enough-password")
                .post("/workbench/users")
                .then().statusCode(303).header("Location", endsWith("/workbench/users"));
        admin.given().formParam("csrf", admin.csrf()).formParam("username", username)
                .formParam("displayName", "Wendy Again").formParam("role", "dpo")
                .formParam("password", "a-long-enough-password")
                .post("/workbench/users")
                .then().statusCode(400).body(containsString("already exists"));
        admin.given().get("/workbench/users").then().statusCode(200)
                .body(containsString(username)).body(containsString("Wendy Workbench"));

        admin.given().formParam("csrf", admin.csrf()).formParam("role", "auditor")
                .post("/workbench/users/{u}/role", username).then().statusCode(303);
        admin.given().formParam("csrf", admin.csrf()).formParam("password", "too-short")
                .post("/workbench/users/{u}/password", username).then().statusCode(400)
                .body(containsString("href=\"#password-" + username + "\""));
        admin.given().formParam("csrf", admin.csrf()).formParam("password", "another-long-password")
                .post("/workbench/users/{u}/password", username).then().statusCode(303);
        admin.given().formParam("csrf", admin.csrf()).formParam("enabled", "false")
                .post("/workbench/users/{u}/enabled", username).then().statusCode(303);

        org.dsarflow.Api.admin().get("/api/users/{u}", username).then().statusCode(200)
                .body("role", equalTo("auditor")).body("enabled", equalTo(false));
        // Disabled: the new password does not sign them in.
        RestAssured.given().auth().preemptive().basic(username, "another-long-password").get("/api/requests")
                .then().statusCode(401);
    }

    @Test
    void theUsersPageRefusesAFormWithoutItsTokenOrFromAnotherSite() {
        Sessions admin = Sessions.login("admin");
        admin.given().formParam("role", "dpo").post("/workbench/users/{u}/role", "nobody").then().statusCode(403);
        admin.given().header("Origin", "https://attacker.example").formParam("csrf", admin.csrf())
                .formParam("enabled", "false").post("/workbench/users/{u}/enabled", "nobody")
                .then().statusCode(403).body("code", equalTo("CROSS_SITE_REQUEST"));
    }

    /** Only the custodian's confirmation page is open without an account: its link is its credential. */
    @Test
    void theCustodiansPageAloneNeedsNoSignIn() {
        RestAssured.given().redirects().follow(false).get("/workbench/custodian/not-a-signed-token")
                .then().statusCode(403).contentType(containsString("text/html"))
                .body(containsString("This link is not valid"));
        // The bare prefix is let through too, and holds no page.
        RestAssured.given().redirects().follow(false).get("/workbench/custodian").then().statusCode(404);
        RestAssured.given().redirects().follow(false).get("/workbench/custodians")
                .then().statusCode(302).header("Location", endsWith("/"));
        RestAssured.given().redirects().follow(false).get("/workbench/users")
                .then().statusCode(302).header("Location", endsWith("/"));
    }
}
