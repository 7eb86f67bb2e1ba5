package org.dsarflow.notification;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.dsarflow.Jobs;
import org.dsarflow.Studies;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dsarflow.Api.auditor;
import static org.dsarflow.Api.dpo;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

/** Emails through a real SMTP server (GreenMail): what each template says, and what a mail outage does. */
@QuarkusTest
@TestProfile(EmailDeliveryTest.RealSmtp.class)
class EmailDeliveryTest {

    static final int SMTP_PORT = freePort();
    static final String DPO_MAILBOX = "dpo-mailbox@example.org";

    public static class RealSmtp implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "quarkus.mailer.mock", "false",
                    "quarkus.mailer.host", "127.0.0.1",
                    "quarkus.mailer.port", Integer.toString(SMTP_PORT),
                    "quarkus.mailer.start-tls", "DISABLED",
                    "dsar.mail.dpo-mailbox", DPO_MAILBOX,
                    "dsar.mail.organisation", "Example Research Trust");
        }
    }

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", "smtp"));

    @Inject
    RuntimeService runtime;
    @Inject
    ManagementService management;

    @Test
    void loggingARequestAcknowledgesItAndTellsTheDpoMailbox() throws Exception {
        String requester = requester();
        String reference = log(requester, "2025-06-02");
        assertThat(SMTP.getReceivedMessages()).isEmpty();

        deliver(reference);

        MimeMessage acknowledgement = only(requester);
        assertThat(acknowledgement.getSubject()).isEqualTo("We have received your request " + reference);
        assertThat(GreenMailUtil.getBody(acknowledgement)).contains(reference, "2025-06-02", "2025-07-02",
                "Example Research Trust");
        MimeMessage dpo = only(DPO_MAILBOX);
        assertThat(dpo.getSubject()).isEqualTo("New request " + reference);
        assertThat(GreenMailUtil.getBody(dpo)).contains(reference, "2025-07-02", "A new access request",
                        "http://localhost:8080/workbench/requests/" + reference)
                .doesNotContain(requester, "ACCESS");
        auditor().get("/api/requests/{ref}/history", reference).then()
                .body("findAll { it.action == 'EMAIL_SENT' }.detail.template",
                        containsInAnyOrder("ACKNOWLEDGEMENT", "DPO_NEW_REQUEST"))
                .body("findAll { it.action == 'EMAIL_SENT' }.detail.recipient",
                        containsInAnyOrder("REQUESTER", "DPO_MAILBOX"));
    }

    @Test
    void clockEventsTellTheRequesterWhatIsNeededAndTheNewDeadline() throws Exception {
        String requester = requester();
        String reference = log(requester, "2025-06-02");
        deliver(reference);
        SMTP.reset();

        clockEvent(reference, "CLARIFICATION_REQUESTED", "2025-06-04",
                "Please tell us the local authority you worked for.");
        clockEvent(reference, "CLARIFICATION_RECEIVED", "2025-06-10", null);
        clockEvent(reference, "EXTENSION_NOTIFIED", "2025-06-20", "Your data is held across several studies.");
        // Emails go within moments of the event in service; here they are sent before the next event.
        deliver(reference);
        String extended = dpo().get("/api/requests/{ref}", reference).then().extract().path("deadline");
        clockEvent(reference, "IDENTITY_REQUESTED", "2025-06-23", "Please send a copy of your passport.");
        clockEvent(reference, "IDENTITY_CONFIRMED", "2025-06-25", null);
        clockEvent(reference, "FEE_REQUESTED", "2025-06-26", "A fee of 10 pounds is due for a second copy.");
        deliver(reference);

        Map<String, String> bodies = bodiesBySubject(requester);
        assertThat(bodies).containsOnlyKeys(
                "Your request " + reference + ": we need more information",
                "Your request " + reference + ": we need more time",
                "Your request " + reference + ": please confirm your identity",
                "Your request " + reference + ": a fee is due");
        assertThat(bodies.get("Your request " + reference + ": we need more information"))
                .contains("the local authority you worked for", "paused");
        assertThat(bodies.get("Your request " + reference + ": we need more time"))
                .contains(extended, "held across several studies", "Information Commissioner");
        assertThat(bodies.get("Your request " + reference + ": please confirm your identity")).contains("passport");
        assertThat(bodies.get("Your request " + reference + ": a fee is due")).contains("10 pounds");
    }

    @Test
    void theResponseGivesTheOutcomePerHoldingOrTheRefusalWithTheRightToComplain() throws Exception {
        String study = Studies.createWithCustodians("COLLECTION", "2024-01-01");
        String erased = Studies.located(study, "ERASURE", "2024-02-01", "drive");
        dpo().body(Map.of("approve", true)).post("/api/requests/{ref}/review", erased).then()
                .body("status", equalTo("COMPLETED"));
        String refused = Studies.located(study, "ACCESS", "2024-02-01", "drive");
        dpo().body(Map.of("approve", false, "refusalReason", "MANIFESTLY_EXCESSIVE",
                        "justification", "This is the sixth identical request in a month."))
                .post("/api/requests/{ref}/review", refused).then().body("status", equalTo("REFUSED"));
        SMTP.reset();
        deliver(erased);
        deliver(refused);

        String erasure = response(erased);
        assertThat(erasure).contains("Restricted shared drive: we delete all of your data held here",
                "Information Commissioner");
        String refusal = response(refused);
        assertThat(refusal).contains("manifestly excessive", "sixth identical request", "Information Commissioner");
        // Art 12(4) and s.164A: the controller's own complaints route, the ICO, and a court, in every response.
        assertThat(List.of(erasure, refusal)).allSatisfy(response -> assertThat(response)
                .contains("you may complain to us", DPO_MAILBOX, "seek a judicial remedy"));
    }

    @Test
    void theDailyCheckRemindsAndEscalatesToTheDpoMailbox() throws Exception {
        String reference = log(requester(), "2025-06-02");
        deliver(reference);
        SMTP.reset();
        try {
            runDailyCheck(reference, "2025-06-25T09:00:00Z");
            runDailyCheck(reference, "2025-07-03T09:00:00Z");
        } finally {
            ClockUtil.reset();
        }
        Map<String, String> bodies = bodiesBySubject(DPO_MAILBOX);
        assertThat(bodies.get("Reminder: request " + reference + " is due soon")).contains("2025-07-02", "five working days or fewer");
        assertThat(bodies.get("Escalation: request " + reference + " is overdue")).contains("2025-07-02", "has passed");
        assertThat(bodies.values()).allSatisfy(body -> assertThat(body).contains("(access)",
                "http://localhost:8080/workbench/requests/" + reference));
    }

    @Test
    void aRequestClosedAsNoDataHeldIsToldSo() throws Exception {
        String requester = requester();
        String reference = log(requester, "2025-06-02");
        dpo().post("/api/requests/{ref}/no-data-held", reference).then().statusCode(200);
        SMTP.reset();
        deliver(reference);
        assertThat(response(reference)).contains("we hold no personal data about you");
    }

    @Test
    void anEmailRetriedWhileTheServerIsDownGoesOutOnceWhenItIsBack() throws Exception {
        SMTP.stop();
        String requester = requester();
        String reference = log(requester, "2025-06-02");
        assertThat(Jobs.runEmails(runtime, management, reference)).isEqualTo(2);
        assertThat(Jobs.runEmails(runtime, management, reference)).isEqualTo(2);
        // The request goes on meanwhile: here it is closed, and its response waits for the server too.
        dpo().post("/api/requests/{ref}/no-data-held", reference).then().statusCode(200)
                .body("status", equalTo("COMPLETED")).body("incidents", empty());
        assertThat(Jobs.runEmails(runtime, management, reference)).isEqualTo(3);

        SMTP.start();
        deliver(reference);
        assertThat(to(requester)).extracting(EmailDeliveryTest::subject).containsExactlyInAnyOrder(
                "We have received your request " + reference, "Our response to your request " + reference);
        assertThat(to(DPO_MAILBOX)).hasSize(1);
        auditor().get("/api/requests/{ref}/history", reference).then()
                .body("findAll { it.action == 'EMAIL_SENT' }", hasSize(3));
    }

    @Test
    void anEmailThatNeverGoesRaisesAnIncidentOnTheRequestAndInTheInbox() {
        SMTP.stop();
        String reference = log(requester(), "2025-06-02");
        for (int attempt = 0; attempt < 20 && !Jobs.emails(runtime, management, reference).isEmpty(); attempt++) {
            Jobs.runEmails(runtime, management, reference);
        }
        assertThat(Jobs.emails(runtime, management, reference)).isEmpty();

        // The acknowledgement and the DPO mailbox's notice are one step: its job fails, and raises one incident.
        dpo().get("/api/requests/{ref}", reference).then().statusCode(200)
                .body("status", equalTo("IN_PROGRESS"))
                .body("incidents", hasSize(1))
                .body("incidents.activity", everyItemIs("sendAcknowledgement"))
                .body("incidents.message", hasItem(startsWith("Email ACKNOWLEDGEMENT could not be sent: ")));
        assertThat(inbox().stream()
                .filter(task -> reference.equals(task.get("reference")) && "sendAcknowledgement".equals(task.get("activity"))))
                .hasSize(1);
    }

    /** The whole DPO inbox, page by page: the other tests' open requests may come before this one's. */
    private static List<Map<String, Object>> inbox() {
        List<Map<String, Object>> tasks = new ArrayList<>();
        for (int page = 0; ; page++) {
            List<Map<String, Object>> items = dpo().get("/api/tasks?size=200&page={page}", page)
                    .then().statusCode(200).extract().jsonPath().getList("items");
            tasks.addAll(items);
            if (items.size() < 200) {
                return tasks;
            }
        }
    }

    @Test
    void anOperatorRetriesAnIncidentAndTheEmailGoesOnceTheServerIsBack() throws Exception {
        SMTP.stop();
        String requester = requester();
        String reference = log(requester, "2025-06-02");
        assertThat(Jobs.runEmails(runtime, management, reference)).isEqualTo(2);
        // Out of retries at once, rather than after the whole back-off.
        Jobs.emails(runtime, management, reference).forEach(job -> management.setJobRetries(job.getId(), 0));
        List<String> incidents = dpo().get("/api/requests/{ref}", reference).then().statusCode(200)
                .body("incidents", hasSize(1)).extract().path("incidents.id");
        auditor().get("/api/incidents").then().statusCode(200)
                .body("findAll { it.reference == '" + reference + "' }.id", containsInAnyOrder(incidents.toArray()));
        SMTP.start();

        // The operator retries; should the first attempt just after the restart fail (see deliver), the
        // incident comes back and the operator retries again, as often as it takes.
        int retries = 0;
        for (int round = 0; round < 3 && !openIncidents(reference).isEmpty(); round++) {
            for (String incident : openIncidents(reference)) {
                dpo().post("/api/requests/{ref}/incidents/{id}/retry", reference, incident).then().statusCode(200);
                retries++;
            }
            Jobs.runEmails(runtime, management, reference);
        }

        assertThat(openIncidents(reference)).isEmpty();
        assertThat(Jobs.emails(runtime, management, reference)).isEmpty();
        assertThat(only(requester).getSubject()).isEqualTo("We have received your request " + reference);
        assertThat(only(DPO_MAILBOX).getSubject()).isEqualTo("New request " + reference);
        auditor().get("/api/requests/{ref}/history", reference).then()
                .body("findAll { it.action == 'INCIDENT_RETRIED' }.detail.activity", everyItemIs("sendAcknowledgement"))
                .body("findAll { it.action == 'INCIDENT_RETRIED' }", hasSize(retries))
                .body("findAll { it.action == 'EMAIL_SENT' }", hasSize(2));
        dpo().post("/api/requests/{ref}/incidents/{id}/retry", reference, incidents.get(0)).then().statusCode(404)
                .contentType("application/problem+json");
    }

    /** The mail check says whether the server answers, and never takes the service out of rotation. */
    @Test
    void theHealthOfTheMailServerIsInformationThatNeverTakesTheServiceOutOfRotation() {
        String mail = "checks.find { it.name == 'Mail server' }";
        RestAssured.given().get("/q/health/well").then().statusCode(200)
                .body(mail + ".status", equalTo("UP"))
                .body(mail + ".data.server", equalTo("127.0.0.1:" + SMTP_PORT))
                .body(mail + ".data.reachable", equalTo(true));
        SMTP.stop();
        RestAssured.given().get("/q/health/well").then().statusCode(200)
                .body(mail + ".status", equalTo("UP"))
                .body(mail + ".data.reachable", equalTo(false));
        RestAssured.given().get("/q/health").then().statusCode(200).body("status", equalTo("UP"));
        RestAssured.given().get("/q/health/ready").then().statusCode(200);
    }

    /** Each failed attempt of an email is counted by its template. */
    @Test
    void failedAttemptsAreCountedByTemplate() {
        String failed = "dsar_emails_failed_total{template=\"ACKNOWLEDGEMENT\"}";
        double before = metric(failed);
        SMTP.stop();
        // Received recently, so its tasks sort after those the other tests look for in the inbox's first page.
        String reference = log(requester(), java.time.LocalDate.now(java.time.ZoneId.of("Europe/London"))
                .minusDays(3).toString());
        assertThat(Jobs.runEmails(runtime, management, reference)).isEqualTo(2);
        assertThat(metric(failed)).isEqualTo(before + 1);
    }

    private static double metric(String series) {
        String text = RestAssured.given().get("/q/metrics").then().statusCode(200).extract().asString();
        return text.lines().filter(line -> line.startsWith(series + " ")).findFirst()
                .map(line -> Double.parseDouble(line.substring(series.length() + 1)))
                .orElseThrow(() -> new AssertionError(series + " is not in /q/metrics"));
    }

    private static List<String> openIncidents(String reference) {
        return dpo().get("/api/requests/{ref}", reference).then().statusCode(200).extract().path("incidents.id");
    }

    private static org.hamcrest.Matcher<Iterable<? extends String>> everyItemIs(String value) {
        return org.hamcrest.Matchers.everyItem(equalTo(value));
    }

    private void runDailyCheck(String reference, String instant) {
        ClockUtil.setCurrentTime(java.util.Date.from(java.time.Instant.parse(instant)));
        String instanceId = runtime.createProcessInstanceQuery().processDefinitionKey("dsar-request")
                .processInstanceBusinessKey(reference).singleResult().getId();
        management.executeJob(management.createJobQuery().processInstanceId(instanceId).activityId("dailyCheck")
                .singleResult().getId());
        deliver(reference);
    }

    /**
     * Runs the request's email jobs until none is left, as the job executor would. Just after GreenMail
     * (re)starts on a loaded machine, Vert.x's mail client now and then misreads GreenMail's greeting: a
     * standalone loop of 55 restarts saw two sends fail on "got error response: eenMail SMTP Service…",
     * and in the suite one such send hung 30 s before it failed. That attempt fails as any refused one
     * does, and the step's retry sends what had not gone, once.
     */
    private void deliver(String reference) {
        for (int round = 0; round < 5 && Jobs.runEmails(runtime, management, reference) > 0; round++) {
            assertThat(Jobs.emails(runtime, management, reference)).isNotEmpty();
        }
        assertThat(Jobs.emails(runtime, management, reference)).isEmpty();
    }

    private static String requester() {
        return "requester." + System.nanoTime() + "@example.org";
    }

    private static String log(String email, String receivedOn) {
        return dpo().body(Map.of("type", "ACCESS", "receivedAt", receivedOn, "channel", "EMAIL",
                        "requester", Map.of("name", "Robin Requester", "email", email),
                        "identifiers", Map.of("email", email)))
                .post("/api/requests").then().statusCode(201).extract().path("reference");
    }

    private static void clockEvent(String reference, String kind, String on, String reason) {
        dpo().body(reason == null ? Map.of("kind", kind, "on", on) : Map.of("kind", kind, "on", on, "reason", reason))
                .post("/api/requests/{ref}/clock-events", reference).then().statusCode(200);
    }

    private String response(String reference) throws Exception {
        MimeMessage response = Arrays.stream(SMTP.getReceivedMessages())
                .filter(m -> subject(m).equals("Our response to your request " + reference))
                .findFirst().orElseThrow();
        return GreenMailUtil.getBody(response);
    }

    private static List<MimeMessage> to(String address) {
        return Arrays.stream(SMTP.getReceivedMessagesForDomain(address)).toList();
    }

    private static MimeMessage only(String address) {
        List<MimeMessage> messages = to(address);
        assertThat(messages).hasSize(1);
        return messages.get(0);
    }

    private static Map<String, String> bodiesBySubject(String address) {
        return to(address).stream().collect(java.util.stream.Collectors.toMap(EmailDeliveryTest::subject,
                GreenMailUtil::getBody));
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
