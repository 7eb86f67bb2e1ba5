package org.dsarflow.deadline;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.dsarflow.Jobs;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dsarflow.Api.auditor;
import static org.dsarflow.Api.clockEvent;
import static org.dsarflow.Api.dpo;
import static org.dsarflow.Api.logRequest;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/**
 * The rules of the receipt date through the API: the view and the calendar name them, a clarification
 * of a non-access request under Article 12A leaves the clock running with a note saying why, the inbox
 * says so on the task to ask for identifiers, and the emails put it in plain words.
 */
@QuarkusTest
class StatutoryRegimeApiTest {

    private static final String REQUESTER = "alex.example@example.org";

    @Inject
    MockMailbox mailbox;
    @Inject
    RuntimeService runtime;
    @Inject
    ManagementService management;

    @BeforeEach
    void emptyMailbox() {
        mailbox.clear();
    }

    @Test
    void theViewNamesTheRegimeOfTheReceiptDate() {
        String before = logRequest("ERASURE", "2026-02-04");
        String after = logRequest("ERASURE", "2026-02-05");

        dpo().get("/api/requests/{ref}", before).then().statusCode(200)
                .body("regime.key", equalTo("ARTICLE_12"))
                .body("regime.name", containsString("Article 12"))
                .body("regime.since", equalTo("2018-05-25"));
        auditor().get("/api/requests/{ref}", after).then().statusCode(200)
                .body("regime.key", equalTo("ARTICLE_12A"))
                .body("regime.name", containsString("Article 12A"))
                .body("regime.since", equalTo("2026-02-05"));
    }

    @Test
    void aClarificationPausesOnlyAnAccessRequestUnderArticle12A() {
        String erasureBefore = logRequest("ERASURE", "2026-02-04");
        String erasureAfter = logRequest("ERASURE", "2026-02-05");
        String accessAfter = logRequest("ACCESS", "2026-02-05");
        for (String reference : List.of(erasureBefore, erasureAfter, accessAfter)) {
            clockEvent(reference, "CLARIFICATION_REQUESTED", "2026-02-06");
        }

        dpo().get("/api/requests/{ref}", erasureAfter).then().statusCode(200)
                .body("status", equalTo("IN_PROGRESS"))
                .body("clock.state", equalTo("RUNNING"))
                .body("clock.pausedDays", equalTo(0))
                .body("clock.note", containsString("Art 12A(5)"))
                .body("deadline", equalTo("2026-03-05"));
        dpo().get("/api/requests/{ref}", erasureBefore).then().statusCode(200)
                .body("status", equalTo("AWAITING_CLARIFICATION"))
                .body("clock.state", equalTo("PAUSED"))
                .body("clock.note", nullValue());
        dpo().get("/api/requests/{ref}", accessAfter).then().statusCode(200)
                .body("clock.state", equalTo("PAUSED"))
                .body("clock.note", nullValue());

        clockEvent(erasureAfter, "CLARIFICATION_RECEIVED", "2026-02-12");
        dpo().get("/api/requests/{ref}", erasureAfter).then()
                .body("clock.state", equalTo("RUNNING"))
                .body("deadline", equalTo("2026-03-05"));
    }

    /** More identifiers answer the open clarification even though it never stopped the clock. */
    @Test
    void identifiersAnswerAClarificationThatLeftTheClockRunning() {
        String erasure = logRequest("ERASURE", "2026-02-05");
        clockEvent(erasure, "CLARIFICATION_REQUESTED", "2026-02-06");

        dpo().body(Map.of("identifiers", Map.of("dateOfBirth", "1990-01-01"), "on", "2026-02-10"))
                .post("/api/requests/{ref}/identifiers", erasure).then().statusCode(200);

        auditor().get("/api/requests/{ref}/history", erasure).then().statusCode(200)
                .body("findAll { it.action == 'CLOCK_EVENT_RECORDED' }.detail.kind",
                        org.hamcrest.Matchers.contains("CLARIFICATION_REQUESTED", "CLARIFICATION_RECEIVED"));
        clockEvent(erasure, "CLARIFICATION_REQUESTED", "2026-02-11");
        dpo().get("/api/requests/{ref}", erasure).then().body("deadline", equalTo("2026-03-05"));
    }

    @Test
    void theRequesterIsAskedAndToldTheClockKeepsRunning() {
        String erasure = logRequest("ERASURE", "2026-02-05");
        String access = logRequest("ACCESS", "2026-02-05");
        Jobs.runEmails(runtime, management, erasure);
        Jobs.runEmails(runtime, management, access);
        clockEvent(erasure, "CLARIFICATION_REQUESTED", "2026-02-06");
        clockEvent(access, "CLARIFICATION_REQUESTED", "2026-02-06");
        Jobs.runEmails(runtime, management, erasure);
        Jobs.runEmails(runtime, management, access);

        assertThat(body(erasure, "We have received")).contains("Article 12A of the UK GDPR",
                "one calendar month from 2026-02-05");
        assertThat(body(erasure, "we need more information")).contains("keeps running")
                .doesNotContain("The time limit is paused");
        assertThat(body(access, "we need more information")).contains("The time limit is paused");
        String before = logRequest("ACCESS", "2026-02-04");
        Jobs.runEmails(runtime, management, before);
        assertThat(body(before, "We have received")).contains("Article 12 of the UK GDPR",
                "one calendar month from 2026-02-04");
    }

    @Test
    void theTaskToAskForIdentifiersSaysWhetherTheClockKeepsRunning() {
        String erasure = logRequest("ERASURE", "2026-02-05");
        String access = logRequest("ACCESS", "2026-02-05");
        String erasureBefore = logRequest("ERASURE", "2026-02-04");

        assertThat(task(erasure)).containsEntry("activity", "askForIdentifiers")
                .containsEntry("clock", "RUNNING")
                .containsEntry("deadline", "2026-03-05")
                .hasEntrySatisfying("note", note -> assertThat((String) note).contains("Art 12A(5)"));
        assertThat(task(access)).containsEntry("activity", "askForIdentifiers").containsEntry("note", null);
        assertThat(task(erasureBefore)).containsEntry("note", null);
    }

    @Test
    void theDeadlineQuestionAnswersWithTheRegimeAndForAType() {
        dpo().get("/api/calendar/deadline?receivedOn=2026-02-04").then().statusCode(200)
                .body("regime.key", equalTo("ARTICLE_12"))
                .body("type", nullValue())
                .body("clarificationPausesClock", nullValue());
        dpo().get("/api/calendar/deadline?receivedOn=2026-02-05&type=ERASURE").then().statusCode(200)
                .body("deadline", equalTo("2026-03-05"))
                .body("regime.key", equalTo("ARTICLE_12A"))
                .body("regime.since", equalTo("2026-02-05"))
                .body("type", equalTo("ERASURE"))
                .body("clarificationPausesClock", equalTo(false))
                .body("note", containsString("Art 12A(5)"));
        dpo().get("/api/calendar/deadline?receivedOn=2026-02-05&type=ACCESS").then().statusCode(200)
                .body("clarificationPausesClock", equalTo(true))
                .body("note", nullValue());
    }

    private String body(String reference, String subjectPart) {
        return mailbox.getMailsSentTo(REQUESTER).stream()
                .filter(mail -> mail.getSubject().contains(reference) && mail.getSubject().contains(subjectPart))
                .map(Mail::getText)
                .reduce((first, second) -> second)
                .orElseThrow(() -> new AssertionError("no email '" + subjectPart + "' for " + reference));
    }

    /** The request's task, looked for page by page: other tests' tasks share the inbox. */
    private static Map<String, Object> task(String reference) {
        for (int page = 0; page < 100; page++) {
            JsonPath body = dpo().get("/api/tasks?page={page}&size=200", page).then().statusCode(200)
                    .extract().jsonPath();
            List<Map<String, Object>> items = body.getList("items");
            var found = items.stream().filter(task -> reference.equals(task.get("reference"))).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            if (items.size() < 200) {
                break;
            }
        }
        throw new AssertionError("no task for " + reference);
    }
}
