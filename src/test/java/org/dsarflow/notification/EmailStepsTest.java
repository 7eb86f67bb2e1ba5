package org.dsarflow.notification;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.dsarflow.Jobs;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dsarflow.Api.auditor;
import static org.dsarflow.Api.dpo;
import static org.dsarflow.Api.logRequest;
import static org.hamcrest.Matchers.hasSize;

/**
 * The emails are steps of the request's process: a step that sends two emails sends both in one job, and
 * a retry after one of them failed sends only the one that did not go.
 */
@QuarkusTest
@TestProfile(EmailStepsTest.FlakyMail.class)
class EmailStepsTest {

    static final String DPO_MAILBOX = "dpo@dsarflow.invalid";

    public static class FlakyMail implements QuarkusTestProfile {
        @Override
        public Set<Class<?>> getEnabledAlternatives() {
            return Set.of(FlakyMailer.class);
        }
    }

    /** A mailer that keeps what it sends, and refuses the DPO mailbox when told to. */
    @Alternative
    @ApplicationScoped
    public static class FlakyMailer implements Mailer {

        private volatile boolean refuseDpoMailbox;
        private final List<Mail> sent = new CopyOnWriteArrayList<>();

        void refuseDpoMailbox(boolean refuse) {
            refuseDpoMailbox = refuse;
        }

        void forget() {
            sent.clear();
        }

        @Override
        public void send(Mail... mails) {
            if (refuseDpoMailbox && Arrays.stream(mails).anyMatch(mail -> mail.getTo().contains(DPO_MAILBOX))) {
                throw new IllegalStateException("mailbox unavailable");
            }
            sent.addAll(Arrays.asList(mails));
        }

        List<Mail> to(String address) {
            return sent.stream().filter(mail -> mail.getTo().contains(address)).toList();
        }
    }

    @Inject
    FlakyMailer mailer;
    @Inject
    RuntimeService runtime;
    @Inject
    ManagementService management;
    @Inject
    RepositoryService repository;

    @BeforeEach
    void deliverEverything() {
        mailer.refuseDpoMailbox(false);
        mailer.forget();
    }

    @Test
    void theAcknowledgementAndTheDpoNoticeAreOneStepAndARetrySendsOnlyWhatDidNotGo() {
        String reference = logRequest("ACCESS", "2025-06-02");
        assertThat(Jobs.emails(runtime, management, reference)).hasSize(1);

        mailer.refuseDpoMailbox(true);
        assertThat(Jobs.runEmails(runtime, management, reference)).isEqualTo(1);
        assertThat(mailer.to("alex.example@example.org")).hasSize(1);

        mailer.refuseDpoMailbox(false);
        assertThat(Jobs.runEmails(runtime, management, reference)).isZero();
        assertThat(Jobs.emails(runtime, management, reference)).isEmpty();
        assertThat(mailer.to("alex.example@example.org")).hasSize(1);
        assertThat(mailer.to(DPO_MAILBOX)).hasSize(1);
        auditor().get("/api/requests/{ref}/history", reference).then()
                .body("findAll { it.action == 'EMAIL_SENT' }", hasSize(2))
                .body("findAll { it.action == 'EMAIL_SENT' }.activity",
                        org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.equalTo("sendAcknowledgement")));
    }

    @Test
    void aPartlySentStepIsNotSentAgainWhenTheRequestsOtherBranchEndsBeforeItsRetry() {
        String reference = logRequest("ACCESS", "2025-06-02");
        mailer.refuseDpoMailbox(true);
        assertThat(Jobs.runEmails(runtime, management, reference)).isEqualTo(1);

        // Closed as no data held, and its response sent before the acknowledgement step is retried: the request's
        // other branch ends, and the engine folds the acknowledgement's branch into the process instance.
        dpo().post("/api/requests/{ref}/no-data-held", reference).then().statusCode(200);
        String instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(reference).singleResult().getId();
        management.executeJob(management.createJobQuery().processInstanceId(instance)
                .activityId("sendNoDataHeldResponse").singleResult().getId());
        mailer.refuseDpoMailbox(false);
        assertThat(Jobs.runEmails(runtime, management, reference)).isZero();

        assertThat(mailer.to("alex.example@example.org")).extracting(Mail::getSubject).containsExactlyInAnyOrder(
                "We have received your request " + reference, "Our response to your request " + reference);
        assertThat(mailer.to(DPO_MAILBOX)).hasSize(1);
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(reference).count()).isZero();
    }

    @Test
    void anEmailOfTheRetiredEmailProcessStillGoesWhenItsJobRuns() {
        String reference = logRequest("ACCESS", "2025-06-02");
        Jobs.runEmails(runtime, management, reference);
        mailer.forget();
        // A database upgraded from the version that sent each email as a process of its own.
        repository.createDeployment().name("retired emails").addClasspathResource("bpmn/retired-dsar-email.bpmn")
                .deploy();
        runtime.startProcessInstanceByKey("dsar-email", reference,
                Map.of("requestReference", reference, "emailTemplate", "RESPONSE"));

        assertThat(Jobs.runEmails(runtime, management, reference)).isZero();
        assertThat(mailer.to("alex.example@example.org")).singleElement()
                .satisfies(mail -> assertThat(mail.getSubject()).isEqualTo("Our response to your request " + reference));
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("dsar-email")
                .processInstanceBusinessKey(reference).count()).isZero();
    }
}
