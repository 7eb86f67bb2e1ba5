package org.dsarflow.process;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.dsarflow.Jobs;
import org.dsarflow.Studies;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dsarflow.Api.clockEvent;
import static org.dsarflow.Api.dpo;
import static org.dsarflow.Api.logRequest;

/**
 * The daily deadline check, driven on the engine's clock: a reminder to the DPO mailbox five working days
 * before the deadline and an escalation once it has passed, each once, moving with the deadline.
 */
@QuarkusTest
class DeadlineWatchTest {

    private static final String DPO_MAILBOX = "dpo@dsarflow.invalid";

    @Inject
    RuntimeService runtime;
    @Inject
    ManagementService management;
    @Inject
    MockMailbox mailbox;
    @Inject
    HistoryService history;

    @BeforeEach
    void emptyMailbox() {
        mailbox.clear();
    }

    @AfterEach
    void realTime() {
        ClockUtil.reset();
    }

    @Test
    void theReminderFiresOnceOnTheRightWorkingDayAndMovesWithAnExtension() {
        // Received Mon 2 June 2025: due Wed 2 July. Five working days before it is Wed 25 June.
        String reference = logRequest("ACCESS", "2025-06-02");
        assertThat(checkOn(reference, "2025-06-24T09:00:00Z")).isEqualTo("NONE");
        assertThat(checkOn(reference, "2025-06-25T09:00:00Z")).isEqualTo("REMIND");
        assertThat(checkOn(reference, "2025-06-26T09:00:00Z")).isEqualTo("NONE");
        assertThat(dpoMails(reference, "Reminder")).hasSize(1);
        assertThat(dpoMails(reference, "Reminder").get(0).getText()).contains("2025-07-02");

        // Extended on 27 June: now due Tue 2 September, so the reminder comes again on Tue 26 August
        // (Monday 25 August is a bank holiday).
        clockEvent(reference, "EXTENSION_NOTIFIED", "2025-06-27");
        assertThat(checkOn(reference, "2025-06-30T09:00:00Z")).isEqualTo("NONE");
        assertThat(checkOn(reference, "2025-08-22T09:00:00Z")).isEqualTo("NONE");
        assertThat(checkOn(reference, "2025-08-26T09:00:00Z")).isEqualTo("REMIND");
        assertThat(dpoMails(reference, "Reminder")).hasSize(2);
        assertThat(dpoMails(reference, "Reminder").get(1).getText()).contains("2025-09-02");
    }

    @Test
    void theEscalationFiresOnceAfterTheDeadline() {
        String reference = logRequest("ACCESS", "2025-06-02");
        assertThat(checkOn(reference, "2025-07-02T09:00:00Z")).isEqualTo("REMIND");
        assertThat(checkOn(reference, "2025-07-03T09:00:00Z")).isEqualTo("ESCALATE");
        assertThat(checkOn(reference, "2025-07-04T09:00:00Z")).isEqualTo("NONE");
        assertThat(dpoMails(reference, "Escalation")).hasSize(1);
        assertThat(dpoMails(reference, "Escalation").get(0).getText()).contains("2025-07-02", "has passed");
        dpo().get("/api/requests/{ref}/history", reference).then()
                .body("action", org.hamcrest.Matchers.hasItems("DEADLINE_REMINDER_DUE", "DEADLINE_MISSED"));
    }

    @Test
    void aStoppedClockIsNeitherRemindedNorEscalatedUntilItRunsAgain() {
        String reference = logRequest("ACCESS", "2025-06-02");
        clockEvent(reference, "IDENTITY_REQUESTED", "2025-06-03");
        assertThat(checkOn(reference, "2025-07-03T09:00:00Z")).isEqualTo("NONE");
        // ID confirmed 10 June: a fresh month runs to 10 July.
        clockEvent(reference, "IDENTITY_CONFIRMED", "2025-06-10");
        assertThat(checkOn(reference, "2025-07-03T09:00:00Z")).isEqualTo("REMIND");
        assertThat(dpoMails(reference, "Reminder").get(0).getText()).contains("2025-07-10");
    }

    @Test
    void neitherFiresForACompletedOrCancelledRequest() {
        String cancelled = logRequest("ACCESS", "2025-06-02");
        dpo().body(Map.of("reason", "Requester withdrew")).post("/api/requests/{ref}/cancel", cancelled)
                .then().statusCode(200);
        String completed = Studies.located(Studies.createWithCustodians("COLLECTION", "2024-01-01"), "ERASURE",
                "2024-02-01", "drive");
        dpo().body(Map.of("approve", true)).post("/api/requests/{ref}/review", completed).then().statusCode(200);

        for (String reference : List.of(cancelled, completed)) {
            // The handling has ended, and its daily timer with it; only emails already due may be left to send.
            assertThat(management.createJobQuery().processInstanceId(instanceOf(reference)).timers().count()).isZero();
            assertThat(dpoMails(reference, "")).isEmpty();
        }
    }

    /** Sets the engine clock, runs the request's daily check, and answers what it decided. */
    private String checkOn(String reference, String instant) {
        ClockUtil.setCurrentTime(Date.from(Instant.parse(instant)));
        String instanceId = instanceOf(reference);
        Job daily = management.createJobQuery().processInstanceId(instanceId).activityId("dailyCheck").singleResult();
        long before = checks(instanceId).size();
        management.executeJob(daily.getId());
        Jobs.runEmails(runtime, management, reference);
        List<String> checks = checks(instanceId);
        assertThat(checks).hasSize((int) before + 1);
        return checks.get(checks.size() - 1);
    }

    private String instanceOf(String reference) {
        return runtime.createProcessInstanceQuery().processDefinitionKey(DsarProcess.KEY)
                .processInstanceBusinessKey(reference).singleResult().getId();
    }

    /** What each daily check decided, in order, read off the end each one reached in the engine's history. */
    private List<String> checks(String instanceId) {
        Map<String, String> decided = Map.of("deadlineChecked", "NONE", "dpoReminded", "REMIND",
                "dpoEscalated", "ESCALATE");
        return history.createHistoricActivityInstanceQuery().processInstanceId(instanceId)
                .orderByHistoricActivityInstanceStartTime().asc().orderPartiallyByOccurrence().asc().list().stream()
                .map(HistoricActivityInstance::getActivityId)
                .filter(decided::containsKey)
                .map(decided::get)
                .toList();
    }

    private List<Mail> dpoMails(String reference, String subjectStart) {
        return mailbox.getMailsSentTo(DPO_MAILBOX).stream()
                .filter(mail -> mail.getSubject().startsWith(subjectStart) && mail.getSubject().contains(reference))
                .toList();
    }
}
