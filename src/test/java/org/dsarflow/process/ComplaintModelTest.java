package org.dsarflow.process;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.MockExpressionManager;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.dsarflow.complaint.ComplaintOutcome;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.InputStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.repositoryService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

/**
 * Each path through bpmn/dsar-complaint.bpmn in a standalone in-memory engine, the delegates stubbed: the
 * model's routing apart from the services behind it (ComplaintApiTest covers those).
 */
class ComplaintModelTest {

    private static final String HANDLING = "handleComplaint";
    /** What recordAcknowledgementDue answers: the escalation is 25 days off. */
    private static final Instant ESCALATES_AT = Instant.now().plus(25, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);

    private static ProcessEngine engine;
    private static int complaints;

    private boolean acknowledgementMet = true;
    private boolean reminderDue;
    private EmailStub emails;

    @BeforeAll
    static void startEngine() {
        engine = new StandaloneInMemProcessEngineConfiguration()
                .setExpressionManager(new MockExpressionManager())
                .setProcessEngineName("dsar-complaint-model-test")
                .setJdbcUrl("jdbc:h2:mem:dsar-complaint-model-test")
                .setHistory(ProcessEngineConfiguration.HISTORY_FULL)
                .setJobExecutorActivate(false)
                .buildProcessEngine();
        BpmnAwareTests.init(engine);
        repositoryService().createDeployment().addClasspathResource(ComplaintProcessModel.BPMN_RESOURCE).deploy();
    }

    @AfterAll
    static void closeEngine() {
        BpmnAwareTests.reset();
        engine.close();
    }

    @BeforeEach
    void stubDelegates() {
        stub("recordAcknowledgementDue", execution -> execution.setVariable(
                ComplaintProcessModel.ACKNOWLEDGEMENT_ESCALATES_AT, ESCALATES_AT.toString()));
        stub("checkAcknowledgement", execution -> execution.setVariableLocal(
                ComplaintProcessModel.ACKNOWLEDGEMENT_MET, acknowledgementMet));
        stub("checkProgress", execution -> execution.setVariableLocal(ComplaintProcessModel.REMINDER_DUE, reminderDue));
        emails = new EmailStub();
        Mocks.register("sendComplaintEmails", emails);
    }

    @AfterEach
    void removeStubs() {
        Mocks.reset();
    }

    @Test
    void theAcknowledgementGoesAtOnceWhileTheDpoInvestigates() {
        ProcessInstance instance = startComplaint();

        assertThat(instance).hasPassedInOrder("complaintLogged", "recordAcknowledgementDue", "complaintRecorded")
                .isWaitingAt(ComplaintProcessModel.INVESTIGATE, "sendAcknowledgement");
        assertThat(task(instance)).hasCandidateGroup("dpo");
        assertThat(runtimeService().getVariables(instance.getId())).containsOnlyKeys(
                ComplaintProcessModel.COMPLAINT_REFERENCE, ComplaintProcessModel.ACKNOWLEDGEMENT_ESCALATES_AT);

        sendEmailsDue(instance);
        assertThat(instance).hasPassed("sendAcknowledgement", "acknowledgementSent")
                .isWaitingAtExactly(HANDLING, ComplaintProcessModel.INVESTIGATE);
        assertThat(emails.sent).containsExactly("COMPLAINT_ACKNOWLEDGEMENT");
    }

    @Test
    void theEscalationFallsDueFiveDaysBeforeTheAcknowledgementAndFindsItMetInTime() {
        ProcessInstance instance = startComplaint();
        sendEmailsDue(instance);
        Job escalation = job("acknowledgementEscalationDue", instance);
        assertThat(escalation.getDuedate()).isEqualTo(Date.from(ESCALATES_AT));

        execute(escalation);

        assertThat(instance).hasPassedInOrder("acknowledgementEscalationDue", "checkAcknowledgement",
                        "acknowledgementMet", "acknowledgedInTime")
                .hasNotPassed("escalateAcknowledgement")
                .isWaitingAtExactly(HANDLING, ComplaintProcessModel.INVESTIGATE);
        assertThat(emails.sent).containsExactly("COMPLAINT_ACKNOWLEDGEMENT");
        assertThat(managementService().createJobQuery().processInstanceId(instance.getId()).timers()
                .activityId("acknowledgementEscalationDue").count()).isZero();
    }

    @Test
    void anAcknowledgementNotGivenFiveDaysBeforeItIsDueIsEscalatedToTheDpoMailbox() {
        acknowledgementMet = false;
        ProcessInstance instance = startComplaint();
        sendEmailsDue(instance);

        execute(job("acknowledgementEscalationDue", instance));
        sendEmailsDue(instance);

        assertThat(instance).hasPassedInOrder("checkAcknowledgement", "acknowledgementMet", "escalateAcknowledgement",
                        "acknowledgementEscalated")
                .isWaitingAtExactly(HANDLING, ComplaintProcessModel.INVESTIGATE);
        assertThat(emails.sent).containsExactly("COMPLAINT_ACKNOWLEDGEMENT", "DPO_COMPLAINT_ESCALATION");
    }

    @ParameterizedTest(name = "tell the complainant: {0}")
    @ValueSource(booleans = {true, false})
    void anUpdateIsEmailedOnlyWhenMarkedForTheComplainantAndTheInvestigationGoesOn(boolean tell) {
        ProcessInstance instance = startComplaint();
        sendEmailsDue(instance);

        runtimeService().createMessageCorrelation(ComplaintProcessModel.COMPLAINT_UPDATED)
                .processInstanceBusinessKey(instance.getBusinessKey())
                .setVariableToTriggeredScope(ComplaintProcessModel.TELL_COMPLAINANT, tell)
                .correlate();
        sendEmailsDue(instance);

        assertThat(instance).hasPassedInOrder("complaintUpdated", "complainantToBeTold", tell ? "tellComplainant" : "updateKept")
                .isWaitingAtExactly(HANDLING, ComplaintProcessModel.INVESTIGATE);
        assertThat(emails.sent).containsExactlyElementsOf(tell
                ? List.of("COMPLAINT_ACKNOWLEDGEMENT", "COMPLAINT_UPDATE") : List.of("COMPLAINT_ACKNOWLEDGEMENT"));
        if (!tell) {
            assertThat(instance).hasNotPassed("tellComplainant");
        }
    }

    @Test
    void eachUpdateToTellIsAStepOfItsOwn() {
        ProcessInstance instance = startComplaint();
        for (int update = 0; update < 2; update++) {
            runtimeService().createMessageCorrelation(ComplaintProcessModel.COMPLAINT_UPDATED)
                    .processInstanceBusinessKey(instance.getBusinessKey())
                    .setVariableToTriggeredScope(ComplaintProcessModel.TELL_COMPLAINANT, true)
                    .correlate();
        }
        assertThat(managementService().createJobQuery().processInstanceId(instance.getId())
                .activityId("tellComplainant").count()).isEqualTo(2);
        sendEmailsDue(instance);
        assertThat(emails.occasions).doesNotHaveDuplicates();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ComplaintOutcome.class)
    void theOutcomeEndsTheInvestigationAndItsWatchesAndIsEmailed(ComplaintOutcome outcome) {
        ProcessInstance instance = startComplaint();
        sendEmailsDue(instance);

        complete(task(instance), withVariables(ComplaintProcessModel.OUTCOME, outcome.name()));
        assertThat(managementService().createJobQuery().processInstanceId(instance.getId()).timers().count()).isZero();
        sendEmailsDue(instance);

        boolean withdrawn = outcome == ComplaintOutcome.WITHDRAWN;
        assertThat(instance).hasPassedInOrder(ComplaintProcessModel.INVESTIGATE, "investigated", "outcomeGiven",
                        withdrawn ? "confirmWithdrawal" : "sendOutcome",
                        withdrawn ? "complaintWithdrawn" : "complaintClosed")
                .isEnded();
        assertThat(emails.sent).containsExactly("COMPLAINT_ACKNOWLEDGEMENT",
                withdrawn ? "COMPLAINT_WITHDRAWN" : "COMPLAINT_OUTCOME");
    }

    @Test
    void aWithdrawalBeforeTheAcknowledgementWentStillLetsItGo() {
        ProcessInstance instance = startComplaint();

        complete(task(instance), withVariables(ComplaintProcessModel.OUTCOME, ComplaintOutcome.WITHDRAWN.name()));
        assertThat(instance).isWaitingAtExactly("sendAcknowledgement", "confirmWithdrawal");
        sendEmailsDue(instance);

        assertThat(instance).hasPassed("acknowledgementSent", "complaintWithdrawn").isEnded();
        assertThat(emails.sent).containsExactlyInAnyOrder("COMPLAINT_ACKNOWLEDGEMENT", "COMPLAINT_WITHDRAWN");
    }

    @ParameterizedTest(name = "reminder due: {0}")
    @ValueSource(booleans = {true, false})
    void theDailyCheckRemindsTheDpoMailboxWhenItSaysSoAndIsSetAgain(boolean due) {
        reminderDue = due;
        ProcessInstance instance = startComplaint();
        sendEmailsDue(instance);

        execute(job("dailyProgressCheck", instance));
        sendEmailsDue(instance);

        assertThat(instance).hasPassedInOrder("dailyProgressCheck", "checkProgress", "reminderDue",
                        due ? "dpoReminded" : "progressChecked")
                .isWaitingAtExactly(HANDLING, ComplaintProcessModel.INVESTIGATE);
        assertThat(emails.sent).containsExactlyElementsOf(due
                ? List.of("COMPLAINT_ACKNOWLEDGEMENT", "DPO_COMPLAINT_REMINDER") : List.of("COMPLAINT_ACKNOWLEDGEMENT"));
        assertThat(job("dailyProgressCheck", instance)).isNotNull();
    }

    @Test
    void theModelIsDeployedWithAHistoryTimeToLiveAndEveryFlowNodeIsNamed() {
        assertThat(repositoryService().createProcessDefinitionQuery().processDefinitionKey(ComplaintProcessModel.KEY)
                .singleResult().getHistoryTimeToLive()).isEqualTo(730);
        InputStream model = getClass().getClassLoader().getResourceAsStream(ComplaintProcessModel.BPMN_RESOURCE);
        List<FlowNode> nodes = List.copyOf(Bpmn.readModelFromStream(model).getModelElementsByType(FlowNode.class));
        assertThat(nodes).isNotEmpty().allSatisfy(node -> {
            assertThat(node.getId()).isNotBlank();
            assertThat(node.getName()).as("name of %s", node.getId()).isNotBlank();
        });
    }

    /** A complaint as the service starts one: business key and only variable, the reference. */
    private static ProcessInstance startComplaint() {
        String reference = String.format("CMP-2026-%06d", ++complaints);
        return runtimeService().startProcessInstanceByKey(ComplaintProcessModel.KEY, reference,
                Map.of(ComplaintProcessModel.COMPLAINT_REFERENCE, reference));
    }

    /** Runs the instance's asynchronous email steps, as the job executor would. */
    private static void sendEmailsDue(ProcessInstance instance) {
        managementService().createJobQuery().processInstanceId(instance.getId()).messages().list()
                .forEach(due -> managementService().executeJob(due.getId()));
    }

    private void stub(String beanName, Consumer<DelegateExecution> answer) {
        Mocks.register(beanName, new Stub(answer));
    }

    /** Stands in for a delegate bean: answers the engine as the real one's contract says. */
    public static class Stub implements JavaDelegate {

        private final Consumer<DelegateExecution> answer;

        Stub(Consumer<DelegateExecution> answer) {
            this.answer = answer;
        }

        @Override
        public void execute(DelegateExecution execution) {
            answer.accept(execution);
        }
    }

    /** Stands in for sendComplaintEmails: keeps what each step sent, and the execution it sent it on. */
    public static final class EmailStub extends Stub {

        private final List<String> sent = new ArrayList<>();
        private final List<String> occasions = new ArrayList<>();
        private Expression templates;

        EmailStub() {
            super(execution -> { });
        }

        public void setEmails(Expression templates) {
            this.templates = templates;
        }

        @Override
        public void execute(DelegateExecution execution) {
            sent.add((String) templates.getValue(execution));
            occasions.add(execution.getId());
        }
    }
}
