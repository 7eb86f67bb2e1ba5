package org.dsarflow.notification;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.dsarflow.Api;
import org.dsarflow.Jobs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.dsarflow.Api.auditor;
import static org.dsarflow.Api.dpo;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/**
 * Complaints end to end through the API, the engine and a real SMTP server (GreenMail): logging and the
 * acknowledgement, updates told and not, the outcome and the withdrawal, the escalation and the reminder
 * to the DPO mailbox, and the link to the request complained about.
 */
@QuarkusTest
@TestProfile(EmailDeliveryTest.RealSmtp.class)
class ComplaintDeliveryTest {

    private static final String DPO_MAILBOX = EmailDeliveryTest.DPO_MAILBOX;
    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(
            new ServerSetup(EmailDeliveryTest.SMTP_PORT, "127.0.0.1", "smtp"));

    @Inject
    RuntimeService runtime;
    @Inject
    ManagementService management;
    @Inject
    HistoryService history;

    @Test
    void aComplaintAboutARequestIsAcknowledgedByEmailAndLinkedBothWays() throws Exception {
        String request = Api.logRequest("ACCESS", today().minusDays(3).toString());
        String complainant = complainant();
        String received = today().minusDays(2).toString();

        io.restassured.response.ExtractableResponse<io.restassured.response.Response> logged = dpo()
                .body(body(received, complainant, request)).post("/api/complaints").then()
                .statusCode(201)
                .body("status", equalTo("RECEIVED"))
                .body("receivedOn", equalTo(received))
                .body("acknowledgementDue", equalTo(today().minusDays(2).plusDays(29).toString()))
                .body("about.reference", equalTo(request))
                .body("about.status", notNullValue())
                .body("about.deadline", notNullValue())
                .extract();
        String reference = logged.path("reference");
        assertThat(reference).matches("CMP-\\d{4}-\\d{6}");
        assertThat(logged.header("Location")).endsWith("/api/complaints/" + reference);
        assertThat(runtime.getVariables(processOf(reference))).containsOnlyKeys("complaintReference",
                "acknowledgementEscalatesAt");

        deliver(reference);

        MimeMessage acknowledgement = only(complainant);
        assertThat(acknowledgement.getSubject()).isEqualTo("We have received your complaint " + reference);
        assertThat(GreenMailUtil.getBody(acknowledgement)).contains(reference, received, request,
                "Information Commissioner", DPO_MAILBOX);
        dpo().get("/api/complaints/{ref}", reference).then()
                .body("status", equalTo("ACKNOWLEDGED"))
                .body("acknowledgedOn", equalTo(today().toString()))
                .body("acknowledgedBy", equalTo("EMAIL"))
                .body("acknowledgedInTime", equalTo(true))
                .body("complainant.email", equalTo(complainant));
        dpo().get("/api/requests/{ref}", request).then()
                .body("complaints", hasSize(1))
                .body("complaints[0].reference", equalTo(reference))
                .body("complaints[0].status", equalTo("ACKNOWLEDGED"));
        auditor().get("/api/requests/{ref}/history", request).then()
                .body("find { it.action == 'COMPLAINT_RECEIVED' }.detail.complaint", equalTo(reference));
        auditor().get("/api/complaints/{ref}/history", reference).then()
                .body("action", hasItem("COMPLAINT_LOGGED"))
                .body("action", hasItem("ACKNOWLEDGEMENT_DUE_RECORDED"))
                .body("action", hasItem("COMPLAINT_ACKNOWLEDGED"))
                .body("find { it.action == 'EMAIL_SENT' }.detail.template", equalTo("COMPLAINT_ACKNOWLEDGEMENT"))
                .body(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString(complainant)));
        dpo().get("/api/complaints?about={ref}", request).then().body("total", equalTo(1))
                .body("items[0].reference", equalTo(reference));
    }

    @Test
    void anUpdateMarkedForTheComplainantIsEmailedAndOneNotMarkedIsNotAndAuditorsSeeNeither() throws Exception {
        String complainant = complainant();
        String reference = log(today().minusDays(1).toString(), complainant, null);
        deliver(reference);
        SMTP.reset();

        update(reference, "We have asked the study team for the records.", true);
        update(reference, "Internal: the study team is slow.", false);
        deliver(reference);

        MimeMessage told = only(complainant);
        assertThat(told.getSubject()).isEqualTo("Your complaint " + reference + ": an update");
        assertThat(GreenMailUtil.getBody(told)).contains("asked the study team").doesNotContain("Internal");
        dpo().get("/api/complaints/{ref}", reference).then()
                .body("updates.number", containsInAnyOrder(1, 2))
                .body("updates.find { it.number == 1 }.tellComplainant", equalTo(true))
                .body("updates.find { it.number == 1 }.toldAt", notNullValue())
                .body("updates.find { it.number == 2 }.tellComplainant", equalTo(false))
                .body("updates.find { it.number == 2 }.toldAt", nullValue())
                .body("updates.find { it.number == 2 }.note", equalTo("Internal: the study team is slow."));
        auditor().get("/api/complaints/{ref}", reference).then()
                .body("complainant", nullValue())
                .body("summary", nullValue())
                .body("updates.note", org.hamcrest.Matchers.everyItem(nullValue()))
                .body("updates", hasSize(2));
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(processOf(reference))
                .activityId("updateKept").count()).isEqualTo(1);
    }

    @Test
    void theOutcomeIsEmailedWithTheRightToComplainToTheIcoAndEndsTheProcess() throws Exception {
        String complainant = complainant();
        String reference = log(today().minusDays(10).toString(), complainant, null);
        String process = processOf(reference);
        deliver(reference);
        SMTP.reset();

        dpo().body(Map.of("outcome", "PARTLY_UPHELD", "summary", "We were late with part of the answer.",
                        "actions", "A second check before each response."))
                .post("/api/complaints/{ref}/outcome", reference).then().statusCode(200)
                .body("status", equalTo("CLOSED"))
                .body("outcome.outcome", equalTo("PARTLY_UPHELD"))
                .body("outcome.closedOn", equalTo(today().toString()))
                .body("outcome.daysToOutcome", equalTo(10));
        deliver(reference);

        MimeMessage outcome = only(complainant);
        assertThat(outcome.getSubject()).isEqualTo("The outcome of your complaint " + reference);
        assertThat(GreenMailUtil.getBody(outcome)).contains("in part", "late with part", "second check",
                "Information Commissioner");
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(process).count()).isZero();
        auditor().get("/api/complaints/{ref}", reference).then()
                .body("outcome.outcome", equalTo("PARTLY_UPHELD"))
                .body("outcome.summary", nullValue())
                .body("outcome.actions", nullValue());
    }

    @Test
    void aWithdrawalIsConfirmed() throws Exception {
        String complainant = complainant();
        String reference = log(today().toString(), complainant, null);
        deliver(reference);
        SMTP.reset();

        dpo().body(Map.of("outcome", "WITHDRAWN", "summary", "The complainant wrote to withdraw it."))
                .post("/api/complaints/{ref}/outcome", reference).then().statusCode(200)
                .body("outcome.outcome", equalTo("WITHDRAWN"));
        deliver(reference);

        assertThat(only(complainant).getSubject()).isEqualTo("Your complaint " + reference + " is withdrawn");
    }

    @Test
    void aComplaintByPostIsEscalatedFiveDaysBeforeItsAcknowledgementIsDueUntilThePostedOneIsRecorded()
            throws Exception {
        // Received 26 days ago: due in 3 days, so the escalation, 5 days before, is due already.
        String received = today().minusDays(26).toString();
        Map<String, Object> byPost = new LinkedHashMap<>(Api.complaintBody(received, null));
        byPost.put("channel", "POST");
        byPost.put("complainant", Map.of("name", "Pat Post", "postalAddress", "1 High Street, Anytown"));
        String reference = dpo().body(byPost).post("/api/complaints").then().statusCode(201)
                .extract().path("reference");
        deliver(reference);
        assertThat(SMTP.getReceivedMessages()).isEmpty();
        auditor().get("/api/complaints/{ref}/history", reference).then()
                .body("find { it.action == 'EMAIL_NOT_SENT' }.detail.why", equalTo("NO_EMAIL_ADDRESS"));

        runTimer(reference, "acknowledgementEscalationDue");
        deliver(reference);

        MimeMessage escalation = only(DPO_MAILBOX);
        assertThat(escalation.getSubject()).isEqualTo("Escalation: complaint " + reference + " is not acknowledged");
        assertThat(GreenMailUtil.getBody(escalation)).contains(reference, today().plusDays(3).toString(),
                        "http://localhost:8080/workbench/complaints/" + reference)
                .doesNotContain("Pat Post", "High Street");
        dpo().get("/api/complaints?ackOverdue=false&status=RECEIVED").then().body("items.reference", hasItem(reference));

        dpo().body(Map.of("sentOn", today().toString())).post("/api/complaints/{ref}/acknowledgement", reference)
                .then().statusCode(200)
                .body("status", equalTo("ACKNOWLEDGED"))
                .body("acknowledgedBy", equalTo("POST"))
                .body("acknowledgedInTime", equalTo(true));
    }

    @Test
    void theDpoMailboxIsRemindedOfAComplaintWithoutAnUpdate() throws Exception {
        String reference = log(today().minusDays(40).toString(), complainant(), null);
        deliver(reference);
        SMTP.reset();

        runTimer(reference, "dailyProgressCheck");
        deliver(reference);
        runTimer(reference, "dailyProgressCheck");
        deliver(reference);

        MimeMessage reminder = only(DPO_MAILBOX);
        assertThat(reminder.getSubject()).isEqualTo("Reminder: complaint " + reference + " has had no update");
        assertThat(GreenMailUtil.getBody(reminder)).contains(reference, today().minusDays(40).toString(),
                        "http://localhost:8080/workbench/complaints/" + reference)
                .doesNotContain("Casey");
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyAnswersTheSameComplaint() {
        String complainant = complainant();
        String key = "complaint-form-" + System.nanoTime();
        Map<String, Object> body = body(today().toString(), complainant, null);
        String first = dpo().header("Idempotency-Key", key).body(body).post("/api/complaints").then().statusCode(201)
                .extract().path("reference");
        dpo().header("Idempotency-Key", key).body(body).post("/api/complaints").then().statusCode(200)
                .body("reference", equalTo(first));
        Map<String, Object> other = new LinkedHashMap<>(body);
        other.put("summary", "Something else entirely.");
        dpo().header("Idempotency-Key", key).body(other).post("/api/complaints").then().statusCode(409)
                .body("code", equalTo("IDEMPOTENCY_KEY_REUSED"));
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(first).count()).isEqualTo(1);
    }

    @Test
    void anAcknowledgementThatFailedWhileTheMailServerWasDownGoesOnceAfterTheOperatorRetriesIt() throws Exception {
        SMTP.stop();
        String complainant = complainant();
        String reference = log(today().toString(), complainant, null);
        for (Job job : Jobs.emails(runtime, management, reference)) {
            assertThatThrownBy(() -> management.executeJob(job.getId())).isInstanceOf(RuntimeException.class);
        }
        // Out of retries at once, rather than after the whole back-off: the step becomes an incident.
        Jobs.emails(runtime, management, reference).forEach(job -> management.setJobRetries(job.getId(), 0));
        assertThat(openIncidents(reference)).hasSize(1);
        assertThat(inbox().stream().filter(task -> reference.equals(task.get("reference"))
                        && Boolean.TRUE.equals(task.get("incident"))))
                .extracting(task -> task.get("activity"), task -> task.get("kind"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("sendAcknowledgement", "COMPLAINT"));
        dpo().get("/api/complaints/{ref}", reference).then().body("status", equalTo("RECEIVED"));
        SMTP.start();

        // Should the first attempt just after GreenMail's restart fail (see EmailDeliveryTest's deliver), the
        // incident comes back and the operator retries again, as often as it takes.
        int retries = 0;
        for (int round = 0; round < 3 && !openIncidents(reference).isEmpty(); round++) {
            for (String incident : openIncidents(reference)) {
                dpo().post("/api/complaints/{ref}/incidents/{id}/retry", reference, incident).then().statusCode(200)
                        .body("reference", equalTo(reference));
                retries++;
            }
            for (Job job : Jobs.emails(runtime, management, reference)) {
                try {
                    management.executeJob(job.getId());
                } catch (EmailNotSentException stillDown) {
                    // The incident comes back; the next round retries it.
                }
            }
        }

        assertThat(openIncidents(reference)).isEmpty();
        assertThat(Jobs.emails(runtime, management, reference)).isEmpty();
        assertThat(only(complainant).getSubject()).isEqualTo("We have received your complaint " + reference);
        dpo().get("/api/complaints/{ref}", reference).then()
                .body("status", equalTo("ACKNOWLEDGED"))
                .body("acknowledgedBy", equalTo("EMAIL"));
        auditor().get("/api/complaints/{ref}/history", reference).then()
                .body("findAll { it.action == 'INCIDENT_RETRIED' }", hasSize(retries))
                .body("findAll { it.action == 'INCIDENT_RETRIED' }.detail.activity",
                        org.hamcrest.Matchers.everyItem(equalTo("sendAcknowledgement")))
                .body("findAll { it.action == 'EMAIL_SENT' }", hasSize(1));
        auditor().get("/api/complaints/{ref}/process", reference).then().statusCode(200)
                .body("find { it.activityId == 'sendAcknowledgement' }.endedAt", notNullValue())
                .body("find { it.activityId == 'investigateComplaint' }.endedAt", nullValue());
    }

    private static List<String> openIncidents(String reference) {
        return auditor().get("/api/incidents").then().statusCode(200).extract().jsonPath()
                .getList("findAll { it.reference == '" + reference + "' }.id");
    }

    private void runTimer(String reference, String activity) {
        Job timer = management.createJobQuery().processInstanceId(processOf(reference)).timers()
                .activityId(activity).singleResult();
        assertThat(timer).as("timer %s of %s", activity, reference).isNotNull();
        management.executeJob(timer.getId());
    }

    private String processOf(String reference) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(reference).singleResult().getId();
    }

    /** Runs the complaint's email steps until none is left, a bounded number of rounds, as Jobs.runEmails does. */
    private void deliver(String reference) {
        for (int round = 0; round < 5 && !Jobs.emails(runtime, management, reference).isEmpty(); round++) {
            for (Job job : Jobs.emails(runtime, management, reference)) {
                try {
                    management.executeJob(job.getId());
                } catch (EmailNotSentException transientFailure) {
                    // The mail server refused once (a loaded machine): the engine keeps the step for its retry.
                }
            }
        }
        assertThat(Jobs.emails(runtime, management, reference)).isEmpty();
    }

    private static void update(String reference, String note, boolean tell) {
        dpo().body(Map.of("note", note, "tellComplainant", tell)).post("/api/complaints/{ref}/updates", reference)
                .then().statusCode(200);
    }

    private static String log(String receivedAt, String complainant, String about) {
        return dpo().body(body(receivedAt, complainant, about)).post("/api/complaints").then().statusCode(201)
                .extract().path("reference");
    }

    private static Map<String, Object> body(String receivedAt, String complainant, String about) {
        Map<String, Object> body = new LinkedHashMap<>(Api.complaintBody(receivedAt, about));
        body.put("complainant", Map.of("name", "Casey Complainant", "email", complainant));
        return body;
    }

    private static String complainant() {
        return "complainant." + System.nanoTime() + "@example.org";
    }

    private static LocalDate today() {
        return LocalDate.now(LONDON);
    }

    private static MimeMessage only(String address) {
        List<MimeMessage> messages = Arrays.stream(SMTP.getReceivedMessages())
                .filter(message -> addressedTo(message, address)).toList();
        assertThat(messages).as("emails to %s", address).hasSize(1);
        return messages.get(0);
    }

    private static boolean addressedTo(MimeMessage message, String address) {
        try {
            return Arrays.stream(message.getAllRecipients()).anyMatch(to -> to.toString().contains(address));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The whole DPO inbox, page by page: the other tests' open requests and complaints may come first. */
    private static java.util.List<java.util.Map<String, Object>> inbox() {
        java.util.List<java.util.Map<String, Object>> tasks = new java.util.ArrayList<>();
        for (int page = 0; ; page++) {
            java.util.List<java.util.Map<String, Object>> items = dpo().get("/api/tasks?size=200&page={page}", page)
                    .then().statusCode(200).extract().jsonPath().getList("items");
            tasks.addAll(items);
            if (items.size() < 200) {
                return tasks;
            }
        }
    }

}
