package org.dsarflow.web.page;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.dsarflow.Api.logComplaint;
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
            "/workbench/audit?verify=true&checkpoint=0:0000000000000000000000000000000000000000000000000000000000000000,"
                    + "dpo,403",
            "/workbench/audit?verify=true&checkpoint=0:0000000000000000000000000000000000000000000000000000000000000000,"
                    + "auditor,200",
            "/workbench/calendar,dpo,403", "/workbench/calendar,auditor,403", "/workbench/calendar,admin,200",
            "/workbench/studies,dpo,200", "/workbench/studies,auditor,403", "/workbench/studies,admin,200",
            "/workbench/users,dpo,403", "/workbench/users,auditor,403", "/workbench/users,admin,200",
            "/workbench/studies/new,dpo,403", "/workbench/studies/new,auditor,403", "/workbench/studies/new,admin,200",
            "/workbench/studies/{study}/edit,dpo,403", "/workbench/studies/{study}/edit,auditor,403",
            "/workbench/studies/{study}/edit,admin,200"})
    void pagesRefuseTheWrongRole(String page, String account, int expected) {
        String path = page.replace("{ref}", logRequest("ACCESS", "2025-03-10"))
                .replace("{study}", org.dsarflow.Studies.create("COLLECTION", "2024-01-01"));
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
            "incidents/none/retry,auditor,403", "incidents/none/retry,admin,403",
            "searches,auditor,403", "searches,admin,403",
            "duplicate-of,auditor,403", "duplicate-of,admin,403",
            "authority-request,auditor,403", "authority-request,admin,403",
            "authority,auditor,403", "authority,admin,403",
            "redactions,auditor,403", "redactions,admin,403"})
    void formsRefuseTheWrongRole(String action, String account, int expected) {
        String reference = logRequest("ACCESS", "2025-03-10");
        Sessions session = Sessions.login(account);
        session.given().formParam("csrf", session.csrf()).formParam("reason", "Withdrawn by the requester")
                .formParam("kind", "IDENTITY_REQUESTED").formParams(date("on", "2025-03-11"))
                .post("/workbench/requests/{ref}/" + action, reference)
                .then().statusCode(expected);
    }

    /** The searches and duplicate forms: the DPO's go through with the token, and show on the page; none without it. */
    @Test
    void theDpoRecordsASearchAndClosesADuplicateFromTheRequestPageWithTheToken() {
        org.dsarflow.Studies.create("COLLECTION", "2024-01-01");
        String email = "page." + System.nanoTime() + "@example.org";
        String original = log(email, "2026-03-02");
        String duplicate = log(email, "2026-03-09");
        Sessions session = Sessions.login("dpo");
        session.given().get("/workbench/requests/{ref}", duplicate).then().statusCode(200)
                .body(containsString("id=\"search-form\""))
                .body(containsString("id=\"duplicate-form\""))
                .body(containsString("href=\"/workbench/requests/" + original + "\""));

        java.util.Map<String, String> search = java.util.Map.of("source", "system", "system", "Research office mailbox",
                "searchedOn", "2026-03-10", "identifierNames", "email", "reasonable", "true");
        session.given().formParams(search).post("/workbench/requests/{ref}/searches", duplicate)
                .then().statusCode(403);
        session.given().formParams(search).formParam("csrf", session.csrf())
                .post("/workbench/requests/{ref}/searches", duplicate).then().statusCode(303);
        session.given().formParam("csrf", session.csrf()).formParam("source", "system").formParam("system", "Archive")
                .formParam("searchedOn", "2026-03-10").formParam("reasonable", "false")
                .post("/workbench/requests/{ref}/searches", duplicate).then().statusCode(400)
                .body(containsString("href=\"#search-reason\""));

        session.given().formParam("reference", original).post("/workbench/requests/{ref}/duplicate-of", duplicate)
                .then().statusCode(403);
        session.given().formParam("csrf", session.csrf()).formParam("reference", duplicate)
                .post("/workbench/requests/{ref}/duplicate-of", duplicate).then().statusCode(409)
                .body(containsString("cannot be a duplicate of itself"));
        session.given().formParam("csrf", session.csrf()).formParam("reference", original)
                .post("/workbench/requests/{ref}/duplicate-of", duplicate).then().statusCode(303);

        session.given().get("/workbench/requests/{ref}", duplicate).then().statusCode(200)
                .body(containsString("Research office mailbox"))
                .body(containsString("Closed as a duplicate of"))
                .body(not(containsString("id=\"duplicate-form\"")))
                .body(not(containsString("id=\"search-form\"")));
        Sessions.login("auditor").given().get("/workbench/requests/{ref}", duplicate).then().statusCode(200)
                .body(containsString("Research office mailbox"))
                .body(containsString("href=\"/workbench/requests/" + original + "\""))
                .body(not(containsString("id=\"search-form\"")));
    }

    private static String log(String email, String receivedOn) {
        return org.dsarflow.Api.dpo().body(java.util.Map.of("type", "ACCESS", "receivedAt", receivedOn, "channel", "EMAIL",
                        "requester", java.util.Map.of("name", "Page Person", "email", email),
                        "identifiers", java.util.Map.of("email", email)))
                .post("/api/requests").then().statusCode(201).extract().path("reference");
    }

    /** The complaints' pages, as GET /api/complaints and its siblings: the DPO and the auditor read, the DPO logs. */
    @ParameterizedTest(name = "GET {0} as {1} -> {2}")
    @CsvSource({
            "/workbench/complaints,dpo,200", "/workbench/complaints,auditor,200", "/workbench/complaints,admin,403",
            "/workbench/complaints?status=RECEIVED&ackOverdue=false,auditor,200",
            "/workbench/complaints/new,dpo,200", "/workbench/complaints/new,auditor,403",
            "/workbench/complaints/new,admin,403",
            "/workbench/complaints/{ref},dpo,200", "/workbench/complaints/{ref},auditor,200",
            "/workbench/complaints/{ref},admin,403",
            "/workbench/complaints/report,dpo,200", "/workbench/complaints/report,auditor,200",
            "/workbench/complaints/report,admin,403",
            "/workbench/diagrams/dsar-complaint.bpmn,dpo,200", "/workbench/diagrams/dsar-complaint.bpmn,auditor,200",
            "/workbench/diagrams/dsar-complaint.bpmn,admin,403",
            "/workbench/inbox?kind=COMPLAINT,dpo,200", "/workbench/inbox?kind=COMPLAINT,auditor,403"})
    void complaintPagesRefuseTheWrongRole(String page, String account, int expected) {
        String path = page.replace("{ref}", logComplaint());
        Sessions.login(account).given().get(path).then().statusCode(expected);
    }

    /** Each complaint form's action, as the API's matrix: the DPO's change goes through, the others are refused. */
    @ParameterizedTest(name = "POST complaint {0} as {1} -> {2}")
    @CsvSource({
            "acknowledgement,dpo,303", "acknowledgement,auditor,403", "acknowledgement,admin,403",
            "updates,dpo,303", "updates,auditor,403", "updates,admin,403",
            "outcome,dpo,303", "outcome,auditor,403", "outcome,admin,403",
            "withdrawal,dpo,303", "withdrawal,auditor,403", "withdrawal,admin,403",
            "incidents/none/retry,auditor,403", "incidents/none/retry,admin,403"})
    void complaintFormsRefuseTheWrongRole(String action, String account, int expected) {
        String reference = logComplaint();
        Sessions session = Sessions.login(account);
        complaintForm(session.given().formParam("csrf", session.csrf()))
                .post("/workbench/complaints/{ref}/" + action, reference)
                .then().statusCode(expected);
    }

    @ParameterizedTest(name = "POST log a complaint as {0} -> {1}")
    @CsvSource({"dpo,303", "auditor,403", "admin,403"})
    void onlyTheDpoLogsAComplaint(String account, int expected) {
        Sessions session = Sessions.login(account);
        session.given().formParams(newComplaint(session.csrf())).post("/workbench/complaints/new")
                .then().statusCode(expected);
    }

    /** Every complaint form refuses a post without the session's token, and one with a forged token. */
    @ParameterizedTest(name = "POST complaint {0} without the CSRF token -> 403")
    @CsvSource({"new", "{ref}/acknowledgement", "{ref}/updates", "{ref}/outcome", "{ref}/withdrawal",
            "{ref}/incidents/none/retry"})
    void complaintFormsRefuseAMissingOrForgedToken(String action) {
        String reference = logComplaint();
        Sessions session = Sessions.login("dpo");
        String path = "/workbench/complaints/" + action.replace("{ref}", reference);
        java.util.Map<String, String> form = new java.util.HashMap<>(newComplaint(session.csrf()));
        form.remove("csrf");
        complaintForm(session.given().formParams(form)).post(path).then().statusCode(403);
        complaintForm(session.given().formParams(form).formParam("csrf", "forged")).post(path).then().statusCode(403);
        org.dsarflow.Api.dpo().get("/api/complaints/{ref}", reference).then()
                .body("status", equalTo("RECEIVED")).body("updates", org.hamcrest.Matchers.empty());
    }

    @Test
    void logAComplaintNamesTheWrongFieldAndLogsOnceForADoubleSubmit() {
        Sessions session = Sessions.login("dpo");
        java.util.Map<String, String> form = new java.util.HashMap<>(newComplaint(session.csrf()));
        form.put("receivedAt", "soon");
        form.put("about", "DSAR-1999-999999");
        form.remove("complainant.email");
        // The service's checks come one at a time: a way to reply, then the receipt, then the request named.
        session.given().formParams(form).post("/workbench/complaints/new").then().statusCode(400)
                .body(containsString("govuk-error-summary"))
                .body(containsString("href=\"#complainant\""));
        form.put("complainant.postalAddress", "1 High Street, Anytown");
        session.given().formParams(form).post("/workbench/complaints/new").then().statusCode(400)
                .body(containsString("href=\"#receivedAt\""))
                .body(containsString("value=\"1 High Street, Anytown\""));
        form.put("receivedAt", java.time.LocalDate.now(java.time.ZoneId.of("Europe/London")).toString());
        session.given().formParams(form).post("/workbench/complaints/new").then().statusCode(400)
                .body(containsString("href=\"#about\""));
        form.put("about", logRequest("ACCESS", "2025-03-10"));
        String first = session.given().formParams(form).post("/workbench/complaints/new")
                .then().statusCode(303).extract().header("Location");
        String second = session.given().formParams(form).post("/workbench/complaints/new")
                .then().statusCode(303).extract().header("Location");
        org.assertj.core.api.Assertions.assertThat(second).isEqualTo(first).contains("/workbench/complaints/CMP-");
        String reference = first.substring(first.lastIndexOf('/') + 1);
        session.given().get("/workbench/requests/{ref}", form.get("about")).then().statusCode(200)
                .body(containsString("href=\"/workbench/complaints/" + reference + "\""));
    }

    @Test
    void theDpoSeesTheComplainantAndTheAuditorReadsTheComplaintWithoutTheirDetailsOrWords() {
        String reference = logComplaint();
        Sessions dpo = Sessions.login("dpo");
        dpo.given().formParam("csrf", dpo.csrf()).formParam("note", "Asked the study team for the dates")
                .formParam("tellComplainant", "false")
                .post("/workbench/complaints/{ref}/updates", reference).then().statusCode(303);
        dpo.given().get("/workbench/complaints/{ref}", reference).then().statusCode(200)
                .body(containsString("casey.complainant@example.org"))
                .body(containsString("answered late and incompletely"))
                .body(containsString("Asked the study team for the dates"))
                .body(containsString("data-bpmn=\"/workbench/diagrams/dsar-complaint.bpmn\""))
                .body(containsString("/updates\""));
        Sessions.login("auditor").given().get("/workbench/complaints/{ref}", reference).then().statusCode(200)
                .body(containsString(reference))
                .body(containsString("data-bpmn=\"/workbench/diagrams/dsar-complaint.bpmn\""))
                .body(not(containsString("casey.complainant@example.org")))
                .body(not(containsString("Casey Complainant")))
                .body(not(containsString("answered late and incompletely")))
                .body(not(containsString("Asked the study team")))
                .body(not(containsString("method=\"post\" action=\"/workbench/complaints/")));
    }

    @Test
    void aFormThatBreaksARuleNamesTheFieldAndAClosedComplaintTakesNoOutcome() {
        String reference = logComplaint();
        Sessions session = Sessions.login("dpo");
        session.given().formParam("csrf", session.csrf()).formParam("sentOn", "2999-01-01")
                .post("/workbench/complaints/{ref}/acknowledgement", reference).then().statusCode(400)
                .body(containsString("href=\"#acknowledgement-sentOn\""));
        session.given().formParam("csrf", session.csrf()).formParam("summary", "")
                .post("/workbench/complaints/{ref}/outcome", reference).then().statusCode(400)
                .body(containsString("href=\"#outcome-outcome\""))
                .body(containsString("href=\"#outcome-summary\""));
        session.given().formParam("csrf", session.csrf()).formParam("summary", "By letter")
                .post("/workbench/complaints/{ref}/withdrawal", reference).then().statusCode(303);
        session.given().formParam("csrf", session.csrf()).formParam("outcome", "UPHELD").formParam("summary", "x")
                .post("/workbench/complaints/{ref}/outcome", reference).then().statusCode(409)
                .body(containsString("href=\"#outcome-form\""));
        org.dsarflow.Api.dpo().get("/api/complaints/{ref}", reference).then()
                .body("outcome.outcome", equalTo("WITHDRAWN"));
    }

    @Test
    void theInboxListsComplaintsByTheirAcknowledgementDueDateAndFiltersByKind() {
        // Received 28 days ago: its acknowledgement is due tomorrow, ahead of the other tests' complaints of today.
        java.time.LocalDate received = java.time.LocalDate.now(java.time.ZoneId.of("Europe/London")).minusDays(28);
        String complaint = org.dsarflow.Api.dpo().body(org.dsarflow.Api.complaintBody(received.toString(), null))
                .post("/api/complaints").then().statusCode(201).extract().path("reference");
        String request = logRequest("ACCESS", "2025-03-10");
        Sessions session = Sessions.login("dpo");
        session.given().get("/workbench/inbox?kind=COMPLAINT").then().statusCode(200)
                .body(containsString("href=\"/workbench/complaints/" + complaint + "\""))
                .body(containsString("acknowledgement due " + received.plusDays(29)))
                .body(containsString("Acknowledgement due soon"))
                .body(not(containsString("data-reference=\"" + request + "\"")));
        session.given().get("/workbench/inbox?kind=REQUEST").then().statusCode(200)
                .body(not(containsString("data-reference=\"" + complaint + "\"")));
        session.given().get("/workbench/inbox?kind=COMPLAINT&type=ACCESS").then().statusCode(200)
                .body(not(containsString("data-reference=\"" + complaint + "\"")));
    }

    @Test
    void theReportCountsTheComplaintsOfThePeriodAndLinksItsCsv() {
        logComplaint();
        String today = java.time.LocalDate.now(java.time.ZoneId.of("Europe/London")).toString();
        String received = org.dsarflow.Api.auditor().get("/api/complaints/report?from={d}&to={d}", today, today)
                .then().extract().path("received").toString();
        Sessions auditor = Sessions.login("auditor");
        auditor.given().get("/workbench/complaints/report?from={d}&to={d}", today, today).then().statusCode(200)
                .body(containsString("id=\"received\">" + received + "<"))
                .body(containsString("href=\"/api/complaints/report?from=" + today + "&amp;to=" + today
                        + "&amp;format=csv\""));
        auditor.given().get("/workbench/complaints/report?from=2026-12-31&to=2026-01-01").then().statusCode(400)
                .body(containsString("href=\"#from\""));
        auditor.given().get("/workbench/complaints/report?from=yesterday").then().statusCode(400)
                .body(containsString("govuk-error-summary"));
    }

    private static io.restassured.specification.RequestSpecification complaintForm(
            io.restassured.specification.RequestSpecification given) {
        return given.formParam("sentOn", java.time.LocalDate.now(java.time.ZoneId.of("Europe/London")).toString())
                .formParam("note", "Asked the study team").formParam("tellComplainant", "false")
                .formParam("outcome", "NOT_UPHELD").formParam("summary", "Answered in time");
    }

    private static java.util.Map<String, String> newComplaint(String csrf) {
        return new java.util.HashMap<>(java.util.Map.of("csrf", csrf,
                "idempotencyKey", "complaint-form-" + System.nanoTime(),
                "receivedAt", java.time.LocalDate.now(java.time.ZoneId.of("Europe/London")).toString(),
                "channel", "EMAIL", "complainant.name", "Casey Complainant",
                "complainant.email", "casey.complainant@example.org",
                "summary", "My request was answered late and incompletely."));
    }

    /** Every form of the request page and the study forms refuses a post without the session's token. */
    @ParameterizedTest(name = "POST {0} without the token -> 403")
    @CsvSource({"/workbench/requests/{ref}/authority-request", "/workbench/requests/{ref}/authority",
            "/workbench/requests/{ref}/redactions", "/workbench/requests/{ref}/review",
            "/workbench/studies/new", "/workbench/studies/{study}/edit", "/workbench/studies/{study}/phase"})
    void theNewFormsRefuseAPostWithoutTheToken(String form) {
        boolean study = form.startsWith("/workbench/studies");
        Sessions session = Sessions.login(study ? "admin" : "dpo");
        String path = form.replace("{ref}", logRequest("ACCESS", "2025-03-10"))
                .replace("{study}", org.dsarflow.Studies.create("COLLECTION", "2024-01-01"));
        session.given().formParam("csrf", "forged").formParams(date("on", "2025-03-11"))
                .post(path).then().statusCode(403);
        session.given().post(path).then().statusCode(403);
    }

    @Test
    void theAdminRegistersAStudyThroughTheFormAfterBeingToldWhatIsWrong() {
        Sessions session = Sessions.login("admin");
        String key = "form-study-" + System.nanoTime() % 1_000_000;
        java.util.Map<String, String> form = new java.util.HashMap<>(java.util.Map.of("csrf", session.csrf(),
                "key", key, "name", "Form study", "phase", "COLLECTION",
                "identifierSchemes", "email\nfirstInitial + surnamePrefix", "lawfulBases", "Research: Public task",
                "holdings.0.key", "interviews", "holdings.0.custody", "INTERNAL",
                "holdings.0.identifiability", "IDENTIFIED", "holdings.0.source", "PRIMARY"));
        form.putAll(date("phaseSince", "2024-02-30"));
        form.put("holdings.0.othersInformation", "true");
        session.given().formParams(form).post("/workbench/studies/new").then().statusCode(400)
                .body(containsString("govuk-error-summary"))
                .body(containsString("href=\"#phaseSince\""))
                .body(containsString("href=\"#holdings-0-location\""))
                .body(containsString("value=\"Form study\""));
        form.putAll(date("phaseSince", "2024-02-01"));
        form.put("holdings.0.location", "Interview recordings");
        session.given().formParams(form).post("/workbench/studies/new")
                .then().statusCode(303).header("Location", endsWith("/workbench/studies"));
        org.dsarflow.Api.admin().get("/api/studies/{key}", key).then().statusCode(200)
                .body("identifierSchemes[1]", org.hamcrest.Matchers.contains("firstInitial", "surnamePrefix"))
                .body("lawfulBases[0].basis", equalTo("Public task"))
                .body("holdings[0].othersInformation", equalTo(true));
        session.given().formParams(form).post("/workbench/studies/new").then().statusCode(409)
                .body(containsString("href=\"#key\""));
    }

    @Test
    void theAdminEditsAStudyAndItsPhaseStaysAsItWas() {
        Sessions session = Sessions.login("admin");
        String key = "edited-study-" + System.nanoTime() % 1_000_000;
        java.util.Map<String, String> created = new java.util.HashMap<>(java.util.Map.of("csrf", session.csrf(),
                "key", key, "name", "Study to edit", "phase", "COLLECTION", "identifierSchemes", "email",
                "holdings.0.key", "drive", "holdings.0.location", "Restricted shared drive",
                "holdings.0.custody", "INTERNAL", "holdings.0.identifiability", "IDENTIFIED",
                "holdings.0.source", "PRIMARY"));
        created.putAll(date("phaseSince", "2024-01-01"));
        session.given().formParams(created).post("/workbench/studies/new").then().statusCode(303);
        String page = session.given().get("/workbench/studies/{key}/edit", key).then().statusCode(200)
                .body(containsString("value=\"Restricted shared drive\""))
                .extract().asString();
        org.assertj.core.api.Assertions.assertThat(page).contains("name=\"phaseSince-year\" value=\"2024\"");
        java.util.Map<String, String> form = new java.util.HashMap<>();
        java.util.regex.Matcher fields = java.util.regex.Pattern
                .compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"").matcher(page);
        while (fields.find()) {
            form.put(fields.group(1), fields.group(2));
        }
        form.putAll(java.util.Map.of("name", "Renamed study", "identifierSchemes", "email",
                "holdings.0.key", "drive", "holdings.0.location", "Restricted shared drive",
                "holdings.0.custody", "INTERNAL", "holdings.0.identifiability", "IDENTIFIED",
                "holdings.0.source", "PRIMARY"));
        session.given().formParams(form).post("/workbench/studies/{key}/edit", key).then().statusCode(303);
        org.dsarflow.Api.admin().get("/api/studies/{key}", key).then().statusCode(200)
                .body("name", equalTo("Renamed study"))
                .body("phase", equalTo("COLLECTION"))
                .body("holdings.key", org.hamcrest.Matchers.contains("drive"));
        Sessions.login("dpo").given().formParams(form).post("/workbench/studies/{key}/edit", key)
                .then().statusCode(403);
    }

    @Test
    void aParentsRequestIsLoggedAndItsAuthorityAskedForAndRecordedThroughThePage() {
        Sessions session = Sessions.login("dpo");
        java.util.Map<String, String> form = new java.util.HashMap<>(java.util.Map.of("csrf", session.csrf(),
                "idempotencyKey", "parent-" + System.nanoTime(), "type", "ACCESS", "channel", "POST",
                "requester.name", "Pat Parent", "requester.postalAddress", "1 High Street",
                "onBehalfOf.subjectName", "Sam Child", "onBehalfOf.subjectCategory", "CHILD"));
        form.putAll(date("receivedAt", "2025-03-10"));
        session.given().formParams(form).post("/workbench/requests/new").then().statusCode(400)
                .body(containsString("href=\"#onBehalfOf-relationship\""));
        form.put("onBehalfOf.relationship", "PARENT_OR_GUARDIAN");
        String page = session.given().formParams(form).post("/workbench/requests/new")
                .then().statusCode(303).extract().header("Location");
        String reference = page.substring(page.lastIndexOf('/') + 1);
        session.given().get(page).then().statusCode(200)
                .body(containsString("parent or guardian"))
                .body(containsString("Sam Child"))
                .body(containsString("Not recorded"))
                .body(containsString("action=\"/workbench/requests/" + reference + "/authority-request\""));
        Sessions.login("auditor").given().get(page).then().statusCode(200)
                .body(containsString("parent or guardian"))
                .body(not(containsString("Sam Child")));

        session.given().formParam("csrf", session.csrf()).formParams(date("on", "2025-03-11"))
                .post("/workbench/requests/{ref}/authority-request", reference).then().statusCode(303);
        session.given().get(page).then().statusCode(200).body(containsString("Asked for"))
                .body(not(containsString("/authority-request\"")));
        session.given().formParam("csrf", session.csrf()).formParams(date("receivedOn", "2025-03-12"))
                .post("/workbench/requests/{ref}/authority", reference).then().statusCode(400)
                .body(containsString("href=\"#authority-evidence\""));
        session.given().formParam("csrf", session.csrf()).formParam("evidence", "PARENTAL_RESPONSIBILITY")
                .formParams(date("receivedOn", "2025-03-12"))
                .post("/workbench/requests/{ref}/authority", reference).then().statusCode(303);
        session.given().get(page).then().statusCode(200).body(containsString("parental responsibility, received on 2025-03-12"));
        org.dsarflow.Api.dpo().get("/api/requests/{ref}", reference).then().statusCode(200)
                .body("onBehalfOf.authority.evidence", equalTo("PARENTAL_RESPONSIBILITY"));
    }

    @Test
    void aChildsRequestIsJudgedInTheReviewAndTheInterviewsRedactedThroughThePage() {
        String study = org.dsarflow.Studies.createWithInterviews("COLLECTION", "2024-01-01");
        String email = "child-" + System.nanoTime() + "@example.org";
        org.dsarflow.Studies.importSubjects(study, java.util.List.of(org.dsarflow.Studies.subject(
                "C-" + System.nanoTime(), java.util.Map.of("email", email), "drive", "interviews")));
        java.util.Map<String, Object> request = new java.util.HashMap<>(
                org.dsarflow.Studies.requestFor(study, "ACCESS", "2025-03-10", java.util.Map.of("email", email)));
        request.put("onBehalfOf", java.util.Map.of("relationship", "PARENT_OR_GUARDIAN", "subjectCategory", "CHILD"));
        String reference = org.dsarflow.Api.dpo().body(request).post("/api/requests").then().statusCode(201)
                .extract().path("reference");
        org.dsarflow.Api.dpo().body(java.util.Map.of("evidence", "PARENTAL_RESPONSIBILITY", "receivedOn", "2025-03-11"))
                .post("/api/requests/{ref}/authority", reference).then().statusCode(200);
        Sessions session = Sessions.login("dpo");
        session.given().get("/workbench/requests/{ref}", reference).then().statusCode(200)
                .body(containsString("id=\"review-childJudgement-competent\""));

        session.given().formParam("csrf", session.csrf()).formParam("approve", "true")
                .post("/workbench/requests/{ref}/review", reference).then().statusCode(400)
                .body(containsString("href=\"#review-childJudgement\""));
        session.given().formParam("csrf", session.csrf()).formParam("approve", "true")
                .formParam("child.competent", "false").formParam("child.respondTo", "REQUESTER")
                .formParam("child.reasons", "Aged six: not yet able to understand the request")
                .post("/workbench/requests/{ref}/review", reference).then().statusCode(303);

        String form = "redaction-" + study + "-interviews";
        session.given().get("/workbench/requests/{ref}", reference).then().statusCode(200)
                .body(containsString("id=\"" + form + "-form\""));
        session.given().formParam("csrf", session.csrf()).formParam("studyKey", study)
                .formParam("holdingKey", "interviews").formParam("outcome", "REDACTED")
                .post("/workbench/requests/{ref}/redactions", reference).then().statusCode(400)
                .body(containsString("href=\"#" + form + "-reasons\""));
        session.given().formParam("csrf", session.csrf()).formParam("studyKey", study)
                .formParam("holdingKey", "interviews").formParam("outcome", "REDACTED")
                .formParam("reasons", "The social worker's name removed from the transcript")
                .post("/workbench/requests/{ref}/redactions", reference).then().statusCode(303);
        org.dsarflow.Api.dpo().get("/api/requests/{ref}", reference).then().statusCode(200)
                .body("decision.review.childJudgement.competent", equalTo(false))
                .body("decision.actions.find { it.holdingKey == 'interviews' }.redaction", equalTo("REDACTED"));
    }

    /** A date as the GOV.UK date input sends it: name-day, name-month and name-year. */
    private static java.util.Map<String, String> date(String name, String iso) {
        String[] parts = iso.split("-");
        return java.util.Map.of(name + "-year", parts[0], name + "-month", parts[1], name + "-day", parts[2]);
    }

    @ParameterizedTest(name = "POST the phase of a study as {0} -> {1}")
    @CsvSource({"admin,303", "dpo,403", "auditor,403"})
    void onlyTheAdminChangesAStudysPhase(String account, int expected) {
        String study = org.dsarflow.Studies.create("COLLECTION", "2024-01-01");
        Sessions session = Sessions.login(account);
        session.given().formParam("csrf", session.csrf()).formParam("phase", "ANALYSIS").formParams(date("on", "2024-06-01"))
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

    /** The verify form is a GET (it changes nothing), so it needs no token; a malformed checkpoint is named. */
    @Test
    void theAuditorVerifiesAgainstAKeptCheckpointAndIsToldOfAMalformedOne() {
        logRequest("ACCESS", "2025-03-10");
        Sessions session = Sessions.login("auditor");
        String page = session.given().get("/workbench/audit").then().statusCode(200)
                .body(containsString("Not signed")).extract().asString();
        String kept = page.replaceAll("(?s).*<code id=\"checkpoint-kept\">([^<]+)</code>.*", "$1");
        org.assertj.core.api.Assertions.assertThat(kept).matches("\\d+:[0-9a-f]{64}");
        session.given().queryParam("verify", "true").queryParam("checkpoint", kept).get("/workbench/audit")
                .then().statusCode(200)
                .body(containsString("The hash chain is intact and extends checkpoint <code>" + kept + "</code>"));
        session.given().queryParam("verify", "true").queryParam("checkpoint", "12:not-a-hash").get("/workbench/audit")
                .then().statusCode(400)
                .body(containsString("govuk-error-summary"))
                .body(containsString("href=\"#checkpoint\""))
                .body(containsString("id=\"checkpoint\" name=\"checkpoint\""))
                .body(not(containsString("id=\"verification\"")));
    }

    @Test
    void logARequestNamesTheWrongFieldAndLogsOnceForADoubleSubmit() {
        Sessions session = Sessions.login("dpo");
        java.util.Map<String, String> form = new java.util.HashMap<>(java.util.Map.of("csrf", session.csrf(),
                "idempotencyKey", "double-submit-" + System.nanoTime(), "type", "ACCESS",
                "channel", "POST", "requester.name", "Pat Example", "requester.postalAddress", "1 High Street"));
        form.putAll(date("receivedAt", "2025-02-31"));
        session.given().formParams(form).post("/workbench/requests/new").then().statusCode(400)
                .body(containsString("href=\"#receivedAt\""))
                .body(containsString("govuk-error-summary"));
        form.putAll(date("receivedAt", "2025-03-10"));
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

    /** The request page names the rules applied, and says when a clarification leaves the clock running. */
    @Test
    void theRequestPageNamesTheRegimeAndWhyTheClockRuns() {
        String before = org.dsarflow.Api.logRequest("ERASURE", "2026-02-04");
        String after = org.dsarflow.Api.logRequest("ERASURE", "2026-02-05");
        org.dsarflow.Api.clockEvent(after, "CLARIFICATION_REQUESTED", "2026-02-06");
        Sessions session = Sessions.login("dpo");
        session.given().get("/workbench/requests/{ref}", before).then().statusCode(200)
                .body(containsString("Rules applied"))
                .body(containsString("UK GDPR Article 12, with the ICO"))
                .body(not(containsString("id=\"clock-note\"")));
        session.given().get("/workbench/requests/{ref}", after).then().statusCode(200)
                .body(containsString("UK GDPR Article 12A (Data (Use and Access) Act 2025, s.76), for requests received from 2026-02-05"))
                .body(containsString("id=\"clock-note\""))
                .body(containsString("Art 12A(5)"))
                .body(containsString("only an access request pauses for clarification"));
    }

    @Test
    void theInboxBannerCountsOverdueRequestsAndComplaintsNotAcknowledgedInTime() {
        // Received 40 days ago and never acknowledged (the test profile runs no email step on its own).
        java.time.LocalDate received = java.time.LocalDate.now(java.time.ZoneId.of("Europe/London")).minusDays(40);
        org.dsarflow.Api.dpo().body(org.dsarflow.Api.complaintBody(received.toString(), null))
                .post("/api/complaints").then().statusCode(201);
        logRequest("ACCESS", "2025-03-10");
        long requests = org.dsarflow.Api.dpo().get("/api/requests?overdue=true&size=1").then().statusCode(200)
                .extract().jsonPath().getLong("total");
        long complaints = org.dsarflow.Api.dpo().get("/api/complaints?ackOverdue=true&size=1").then().statusCode(200)
                .extract().jsonPath().getLong("total");

        Sessions.login("dpo").given().get("/workbench/inbox").then().statusCode(200)
                .body(containsString(requests + (requests == 1 ? " request is" : " requests are") + " overdue."))
                .body(containsString(complaints + (complaints == 1 ? " complaint has" : " complaints have")
                        + " not been acknowledged within 30 days."))
                .body(containsString("href=\"/workbench/complaints?ackOverdue=true\""));
    }

    @Test
    void theClockEventFormOffersOnlyWhatIsRecordedOnItsOwn() {
        String reference = org.dsarflow.Api.logRequest("ACCESS", "2026-02-04");
        Sessions.login("dpo").given().get("/workbench/requests/{ref}", reference).then().statusCode(200)
                .body(containsString("<option value=\"AUTHORITY_REQUESTED\">authority requested</option>"))
                .body(containsString("<option value=\"EXTENSION_NOTIFIED\">extension notified</option>"))
                .body(not(containsString("value=\"AUTHORITY_RECEIVED\"")));
    }

}
