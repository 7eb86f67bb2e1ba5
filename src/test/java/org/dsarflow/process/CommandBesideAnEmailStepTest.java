package org.dsarflow.process;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.dsarflow.Jobs;
import org.dsarflow.intake.DsarRequest;
import org.dsarflow.notification.EmailTemplate;
import org.dsarflow.notification.SentEmail;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dsarflow.Api.dpo;
import static org.dsarflow.Api.logRequest;
import static org.hamcrest.Matchers.equalTo;

/**
 * The DPO's next step often comes while the process is still sending the email of the last one: recording a
 * clarification request emails the requester in an asynchronous step, and the answer may be recorded while that
 * step runs. Both change the same process instance, so one of them loses the engine's optimistic lock. The test
 * holds the email step's transaction open until the DPO's command waits on it; the command is then run again,
 * not answered "changed by someone else", and the email goes once.
 */
@QuarkusTest
class CommandBesideAnEmailStepTest {

    private static final Duration BOUND = Duration.ofSeconds(20);

    @Inject
    RuntimeService runtime;
    @Inject
    ManagementService management;
    @Inject
    DataSource dataSource;
    @Inject
    MeterRegistry meters;

    private final ExecutorService dpo = Executors.newSingleThreadExecutor();

    @AfterEach
    void stop() {
        dpo.shutdownNow();
    }

    @Test
    void identifiersRecordedWhileTheClarificationEmailGoesAreTakenFirstTime() throws Exception {
        String reference = logRequest("ERASURE", "2025-06-02");
        Jobs.runEmails(runtime, management, reference);
        dpo().body(Map.of("kind", "CLARIFICATION_REQUESTED", "on", "2025-06-04"))
                .post("/api/requests/{ref}/clock-events", reference).then().statusCode(200);
        List<Job> clarificationEmail = Jobs.emails(runtime, management, reference);
        assertThat(clarificationEmail).hasSize(1);

        double retriedBefore = meters.counter("dsar.commands.retried").count();
        Future<Integer> identifiers = QuarkusTransaction.requiringNew().call(() -> {
            // The step joins this transaction: the instance's rows are changed and locked until it commits.
            management.executeJob(clarificationEmail.get(0).getId());
            Future<Integer> answer = dpo.submit(() -> dpo()
                    .body(Map.of("identifiers", Map.of("email", "nobody@example.org"), "on", "2025-06-13"))
                    .post("/api/requests/{ref}/identifiers", reference).statusCode());
            awaitASessionBlocked();
            return answer;
        });

        assertThat(identifiers.get(BOUND.toSeconds(), TimeUnit.SECONDS)).isEqualTo(200);
        dpo().get("/api/requests/{ref}", reference).then().statusCode(200)
                .body("clock.pausedDays", equalTo(10));
        assertThat(clarificationRequestsSent(reference)).isEqualTo(1);
        assertThat(meters.counter("dsar.commands.retried").count()).isGreaterThan(retriedBefore);
    }

    /** Until the database shows a session waiting for a lock another holds, polled within {@link #BOUND}. */
    private void awaitASessionBlocked() throws SQLException, InterruptedException {
        Instant giveUp = Instant.now().plus(BOUND);
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            String blocked = connection.getMetaData().getDatabaseProductName().startsWith("H2")
                    ? "SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS WHERE BLOCKER_ID IS NOT NULL"
                    : "SELECT COUNT(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()";
            while (true) {
                try (ResultSet result = statement.executeQuery(blocked)) {
                    result.next();
                    if (result.getLong(1) > 0) {
                        return;
                    }
                }
                assertThat(Instant.now()).as("the DPO's command waits for the email step").isBefore(giveUp);
                Thread.onSpinWait();
            }
        }
    }

    private static long clarificationRequestsSent(String reference) {
        return QuarkusTransaction.requiringNew().call(() -> SentEmail.count("requestId = ?1 and template = ?2",
                DsarRequest.require(reference).id, EmailTemplate.CLARIFICATION_REQUEST));
    }
}
