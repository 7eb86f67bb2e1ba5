package org.dsarflow.notification;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.dsarflow.Jobs;
import org.dsarflow.Studies;
import org.dsarflow.fulfilment.CustodianLinkToken;
import org.dsarflow.fulfilment.RecipientNotice;
import org.dsarflow.intake.DsarRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dsarflow.Api.admin;
import static org.dsarflow.Api.auditor;
import static org.dsarflow.Api.dpo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * Custodians and Art 19 recipients told by email, through a real SMTP server (GreenMail): the custodian's
 * email and its signed, expiring, single-use link to the confirmation page, the reminder when the deadline
 * nears, and the recipients' notices, none of them carrying the requester's name or contact details.
 */
@QuarkusTest
@TestProfile(EmailDeliveryTest.RealSmtp.class)
class CustodianAndRecipientEmailsTest {

    private static final String REQUESTER_NAME = "Rowan Requester";
    private static final Pattern LINK = Pattern.compile("https?://[^\\s\"<>]+/workbench/custodian/([A-Za-z0-9_.-]+)");
    private static final AtomicInteger NEXT = new AtomicInteger();

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(
            new ServerSetup(EmailDeliveryTest.SMTP_PORT, "127.0.0.1", "smtp")).withPerMethodLifecycle(false);

    @Inject
    RuntimeService runtime;
    @Inject
    ManagementService management;
    @Inject
    HistoryService history;

    @AfterEach
    void resetEngineClock() {
        ClockUtil.reset();
    }

    @Test
    void theCustodianIsEmailedWhatToDoAndConfirmsThroughTheLinkOnce() throws Exception {
        Erasure erasure = erasure(true);

        MimeMessage email = only(erasure.custodian);
        String body = GreenMailUtil.getBody(email);
        assertThat(email.getSubject()).isEqualTo("Request " + erasure.reference + ": please act on data you hold for us");
        assertThat(body).contains(erasure.reference, erasure.study, "survey", erasure.subjectRef, "2025-07-02",
                "erase all of this person's data");
        assertThat(body).doesNotContain(REQUESTER_NAME, erasure.requesterEmail, erasure.personEmail);
        auditor().get("/api/requests/{ref}/history", erasure.reference).then()
                .body("find { it.action == 'EMAIL_NOT_SENT' && it.detail.template == 'CUSTODIAN_REQUEST' }.detail.holdingKey",
                        equalTo("transcription"))
                .body("find { it.action == 'EMAIL_SENT' && it.detail.template == 'CUSTODIAN_REQUEST' }.detail.holdingKey",
                        equalTo("survey"));

        String page = linkPath(body);
        RestAssured.given().get(page).then().statusCode(200)
                .body(containsString("Confirm you have acted"))
                .body(containsString(erasure.reference))
                .body(not(REQUESTER_NAME));
        // The token is the form's credential; the change must still come from the page itself.
        RestAssured.given().formParam("confirmedOn", "2025-06-20").post(page).then().statusCode(403)
                .body("code", equalTo("CROSS_SITE_REQUEST"));
        fromPage().formParam("confirmedOn", "2999-01-01").post(page).then().statusCode(400)
                .body(containsString("govuk-error-summary"))
                .body(containsString("href=\"#confirmedOn\""));

        fromPage().formParam("confirmedOn", "2025-06-20").formParam("note", "Deleted from the survey platform")
                .post(page).then().statusCode(200).body(containsString("Thank you"));

        dpo().get("/api/requests/{ref}", erasure.reference).then().statusCode(200)
                .body("decision.actions.find { it.holdingKey == 'survey' }.state", equalTo("DONE"))
                .body("decision.actions.find { it.holdingKey == 'survey' }.custodianConfirmedOn", equalTo("2025-06-20"))
                .body("decision.actions.find { it.holdingKey == 'transcription' }.state", equalTo("AWAITING_CUSTODIAN"));
        auditor().get("/api/requests/{ref}/history", erasure.reference).then()
                .body("find { it.action == 'CUSTODIAN_CONFIRMED' }.actor", equalTo("custodian:survey"))
                .body("find { it.action == 'CUSTODIAN_CONFIRMED' }.detail.holdingKey", equalTo("survey"));
        List<HistoricTaskInstance> done = history.createHistoricTaskInstanceQuery()
                .processInstanceBusinessKey(erasure.reference).taskDefinitionKey("confirmCustodian").finished().list();
        assertThat(done).singleElement().satisfies(task -> assertThat(task.getAssignee()).isEqualTo("custodian:survey"));

        // Single use: the link is spent, by GET and by POST.
        RestAssured.given().get(page).then().statusCode(410).body(containsString("data-refusal=\"USED\""));
        fromPage().formParam("confirmedOn", "2025-06-21").post(page).then().statusCode(410)
                .body(containsString("data-refusal=\"USED\""));
    }

    @Test
    void aTamperedOrExpiredLinkIsRefusedWithAPageSayingWhy() throws Exception {
        Erasure erasure = erasure(false);
        String page = linkPath(GreenMailUtil.getBody(only(erasure.custodian)));
        String token = page.substring(page.lastIndexOf('/') + 1);
        String[] parts = token.split("\\.");

        String otherId = "A" + parts[0].substring(1);
        String tampered = "/workbench/custodian/" + otherId + "." + parts[1] + "." + parts[2];
        RestAssured.given().get(tampered).then().statusCode(403).body(containsString("data-refusal=\"NOT_VALID\""));
        String longer = "/workbench/custodian/" + parts[0] + "." + (Long.parseLong(parts[1]) + 86_400) + "." + parts[2];
        fromPage().formParam("confirmedOn", "2025-06-20").post(longer).then().statusCode(403)
                .body(containsString("data-refusal=\"NOT_VALID\""));
        RestAssured.given().get("/workbench/custodian/not-a-token").then().statusCode(403);

        // Signed with the service's own derived key, but past its expiry.
        String expired = CustodianLinkToken.keyed(Optional.empty(), "test-only-identifier-key-never-use-in-production")
                .sign(parts[0], Instant.now().minusSeconds(60));
        RestAssured.given().get("/workbench/custodian/" + expired).then().statusCode(410)
                .body(containsString("data-refusal=\"EXPIRED\""));
        fromPage().formParam("confirmedOn", "2025-06-20").post("/workbench/custodian/" + expired)
                .then().statusCode(410);

        dpo().get("/api/requests/{ref}", erasure.reference).then()
                .body("decision.actions.find { it.holdingKey == 'survey' }.state", equalTo("AWAITING_CUSTODIAN"));
        // The untouched link still works, and a link dies with its task when the DPO confirms another way.
        RestAssured.given().get(page).then().statusCode(200);
        dpo().body(Map.of("holdingKey", "survey", "confirmedOn", "2025-06-20"))
                .post("/api/requests/{ref}/custodian-confirmations", erasure.reference).then().statusCode(200);
        RestAssured.given().get(page).then().statusCode(410).body(containsString("data-refusal=\"NO_LONGER_OPEN\""));
    }

    @Test
    void aCustodianStillToConfirmIsRemindedFiveWorkingDaysBeforeTheDeadline() throws Exception {
        Erasure erasure = erasure(false);

        runDailyCheck(erasure.reference, "2025-06-20T08:00:00Z");
        assertThat(to(erasure.custodian)).as("seven working days before the deadline: the first email only").hasSize(1);
        runDailyCheck(erasure.reference, "2025-06-25T08:00:00Z");

        MimeMessage reminder = titled(erasure.custodian, "Reminder");
        String body = GreenMailUtil.getBody(reminder);
        assertThat(reminder.getSubject()).isEqualTo("Reminder: request " + erasure.reference
                + " still needs your confirmation");
        assertThat(body).contains("Reminder", "2025-07-02", erasure.subjectRef)
                .doesNotContain(REQUESTER_NAME, erasure.requesterEmail);
        RestAssured.given().get(linkPath(body)).then().statusCode(200);
        assertThat(to(EmailDeliveryTest.DPO_MAILBOX)).extracting(CustodianAndRecipientEmailsTest::subject)
                .contains("Reminder: request " + erasure.reference + " is due soon");
    }

    @Test
    void eachRecipientWithAMailboxIsToldAndTheResponseNamesThemWhenAsked() throws Exception {
        Erasure erasure = erasure(true);
        dpo().body(Map.of("holdingKey", "survey", "confirmedOn", "2025-06-20"))
                .post("/api/requests/{ref}/custodian-confirmations", erasure.reference).then().statusCode(200);
        dpo().body(Map.of("holdingKey", "transcription", "confirmedOn", "2025-06-20"))
                .post("/api/requests/{ref}/custodian-confirmations", erasure.reference).then().statusCode(200)
                .body("status", equalTo("COMPLETED"));
        deliver(erasure.reference);

        MimeMessage notice = only(erasure.partner);
        String body = GreenMailUtil.getBody(notice);
        assertThat(notice.getSubject()).isEqualTo("Request " + erasure.reference
                + ": a change to personal data we shared with you");
        assertThat(body).contains("Partner university", erasure.subjectRef, "erased", "Article 19")
                .doesNotContain(REQUESTER_NAME, erasure.requesterEmail, erasure.personEmail);
        String response = GreenMailUtil.getBody(titled(erasure.requesterEmail, "Our response"));
        assertThat(response).contains("You asked who we have shared", "Partner university", "Local authority");

        dpo().get("/api/requests/{ref}", erasure.reference).then()
                .body("recipientNotifications.find { it.recipient == 'Partner university' }.delivery", equalTo("SENT"))
                .body("recipientNotifications.find { it.recipient == 'Local authority' }.delivery",
                        equalTo("NOT_SENDABLE"));
        auditor().get("/api/requests/{ref}/history", erasure.reference).then()
                .body("find { it.action == 'EMAIL_SENT' && it.detail.template == 'RECIPIENT_NOTICE' }.detail.recipientName",
                        equalTo("Partner university"))
                .body("find { it.action == 'EMAIL_NOT_SENT' && it.detail.template == 'RECIPIENT_NOTICE' }.detail.recipientName",
                        equalTo("Local authority"));
        long told = QuarkusTransaction.requiringNew().call(() -> RecipientNotice.count("requestId = ?1 and delivery = ?2",
                DsarRequest.require(erasure.reference).id, "SENT"));
        assertThat(told).isEqualTo(1);
    }

    @Test
    void aResponseNamesNoRecipientsUnlessTheRequesterAsked() throws Exception {
        Erasure erasure = erasure(false);
        dpo().body(Map.of("holdingKey", "survey", "confirmedOn", "2025-06-20"))
                .post("/api/requests/{ref}/custodian-confirmations", erasure.reference).then().statusCode(200);
        dpo().body(Map.of("holdingKey", "transcription", "confirmedOn", "2025-06-20"))
                .post("/api/requests/{ref}/custodian-confirmations", erasure.reference).then().statusCode(200);
        deliver(erasure.reference);

        assertThat(GreenMailUtil.getBody(titled(erasure.requesterEmail, "Our response"))).doesNotContain("You asked who", "Partner university");
        assertThat(to(erasure.partner)).hasSize(1);
    }

    @Test
    void aRecipientMailboxMustNameOneOfTheStudysRecipients() {
        Map<String, Object> study = new HashMap<>(studyBody("bad-recipients-" + NEXT.incrementAndGet(),
                "custodian@example.org", "partner@example.org"));
        study.put("recipientMailboxes", Map.of("Someone else", "else@example.org"));
        admin().body(study).post("/api/studies").then().statusCode(400)
                .body("field", equalTo("recipientMailboxes"));
        study.put("recipientMailboxes", Map.of("Partner university", "not an email"));
        admin().body(study).post("/api/studies").then().statusCode(400);
    }

    /** A request, with the addresses of its study's survey custodian and partner university: its own. */
    private record Erasure(String reference, String study, String subjectRef, String personEmail,
                           String requesterEmail, String custodian, String partner) {
    }

    /** An erasure from a person held by the survey (custodian with a mailbox), the transcription vendor (none) and the drive. */
    private Erasure erasure(boolean askedForRecipients) {
        String study = "mailed-" + System.nanoTime() % 1_000_000 + "-" + NEXT.incrementAndGet();
        String custodian = "custodian-" + study + "@example.org";
        String partner = "partner-" + study + "@example.org";
        admin().body(studyBody(study, custodian, partner)).post("/api/studies").then().statusCode(201)
                .body("holdings.find { it.key == 'survey' }.custodianMailbox", equalTo(custodian))
                .body("recipientMailboxes.'Partner university'", equalTo(partner));
        String person = "person" + System.nanoTime() + "@example.org";
        String subjectRef = "M-" + NEXT.incrementAndGet();
        Studies.importSubjects(study, List.of(Studies.subject(subjectRef, Map.of("email", person),
                "survey", "transcription", "drive")));
        String requester = "rowan" + System.nanoTime() + "@example.org";
        Map<String, Object> body = new HashMap<>(Map.of("type", "ERASURE", "receivedAt", "2025-06-02",
                "channel", "EMAIL", "requester", Map.of("name", REQUESTER_NAME, "email", requester),
                "identifiers", Map.of("email", person), "studyKeys", List.of(study)));
        if (askedForRecipients) {
            body.put("askedForRecipients", true);
        }
        String reference = dpo().body(body).post("/api/requests").then().statusCode(201)
                .body("status", equalTo("AWAITING_REVIEW")).extract().path("reference");
        dpo().body(Map.of("approve", true)).post("/api/requests/{ref}/review", reference).then().statusCode(200);
        deliver(reference);
        return new Erasure(reference, study, subjectRef, person, requester, custodian, partner);
    }

    private static Map<String, Object> studyBody(String key, String custodian, String partner) {
        Map<String, Object> survey = new HashMap<>(Studies.holding("survey", "Online survey platform", "EXTERNAL",
                "IDENTIFIED", "PRIMARY"));
        survey.put("custodianMailbox", custodian);
        return Map.ofEntries(
                Map.entry("key", key),
                Map.entry("name", "Mailed study " + key),
                Map.entry("contactMailbox", "research@example.org"),
                Map.entry("phase", "COLLECTION"),
                Map.entry("phaseSince", "2024-01-01"),
                Map.entry("identifierSchemes", List.of(List.of("email"))),
                Map.entry("lawfulBases", List.of(Map.of("purpose", "Take part in the survey", "basis", "Consent"))),
                Map.entry("recipients", List.of("Partner university", "Local authority")),
                Map.entry("recipientMailboxes", Map.of("Partner university", partner)),
                Map.entry("categories", List.of("SOCIAL_WORKER")),
                Map.entry("holdings", List.of(survey,
                        Studies.holding("transcription", "Transcription vendor", "EXTERNAL", "IDENTIFIED", "PRIMARY"),
                        Studies.holding("drive", "Restricted shared drive", "INTERNAL", "IDENTIFIED", "PRIMARY"))));
    }

    private static io.restassured.specification.RequestSpecification fromPage() {
        URI base = URI.create(RestAssured.baseURI + ":" + RestAssured.port);
        return RestAssured.given().header("Origin", base.getScheme() + "://" + base.getHost() + ":" + base.getPort());
    }

    private static org.hamcrest.Matcher<String> not(String text) {
        return org.hamcrest.Matchers.not(containsString(text));
    }

    /** The path of the one confirmation link in an email, checked to start at the configured public address. */
    private static String linkPath(String body) {
        Matcher matcher = LINK.matcher(body.replace("=\r\n", "").replace("=3D", "="));
        assertThat(matcher.find()).as("a confirmation link in %s", body).isTrue();
        assertThat(matcher.group()).startsWith("http://localhost:8080/workbench/custodian/");
        return "/workbench/custodian/" + matcher.group(1);
    }

    private void runDailyCheck(String reference, String instant) {
        ClockUtil.setCurrentTime(java.util.Date.from(Instant.parse(instant)));
        String instanceId = runtime.createProcessInstanceQuery().processDefinitionKey("dsar-request")
                .processInstanceBusinessKey(reference).singleResult().getId();
        management.executeJob(management.createJobQuery().processInstanceId(instanceId).activityId("dailyCheck")
                .singleResult().getId());
        deliver(reference);
    }

    private void deliver(String reference) {
        for (int round = 0; round < 5 && Jobs.runEmails(runtime, management, reference) > 0; round++) {
            assertThat(Jobs.emails(runtime, management, reference)).isNotEmpty();
        }
        assertThat(Jobs.emails(runtime, management, reference)).isEmpty();
    }

    private static List<MimeMessage> to(String address) {
        return Arrays.stream(SMTP.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getAllRecipients()).anyMatch(r -> r.toString().equals(address));
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private static MimeMessage only(String address) {
        List<MimeMessage> messages = to(address);
        assertThat(messages).as("emails to %s", address).hasSize(1);
        return messages.get(0);
    }

    /** The one email to {@code address} whose subject starts with {@code subject}. */
    private static MimeMessage titled(String address, String subject) {
        List<MimeMessage> messages = to(address).stream().filter(m -> subject(m).startsWith(subject)).toList();
        assertThat(messages).as("emails to %s titled %s", address, subject).hasSize(1);
        return messages.get(0);
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
