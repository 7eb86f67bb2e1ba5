package org.dsarflow.process;

import org.camunda.bpm.engine.ActivityTypes;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.MockExpressionManager;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.dsarflow.deadline.DeadlineCheck;
import org.dsarflow.decision.ReviewOutcome;
import org.dsarflow.subject.MatchStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.repositoryService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

/**
 * Each path through bpmn/dsar-request.bpmn, driven directly in a standalone in-memory engine with the
 * delegates stubbed: the model's routing, apart from the services behind it (DsarProcessTest covers those).
 */
class DsarRequestModelTest {

    /** The embedded subprocess of the handling: the engine counts it among the activities a request waits at. */
    private static final String HANDLING = "handleRequest";

    private static ProcessEngine engine;
    private static int requests;

    private final Map<String, Stub> stubs = new TreeMap<>();
    /** What locateSubject answers, one per call; the last answer repeats. */
    private final Deque<MatchStatus> matchStatuses = new ArrayDeque<>(List.of(MatchStatus.UNIQUE));
    /** How many external holdings carryOut leaves to custodians. */
    private int custodianTasks;
    /** How many copies holdForRedaction holds back for the DPO to deal with other people's information. */
    private int redactionTasks;
    /** What checkDeadline answers. */
    private DeadlineCheck deadlineCheck = DeadlineCheck.NONE;
    private EmailStub emails;

    @BeforeAll
    static void startEngine() {
        // Its own engine name and database, so it neither replaces nor shares the Quarkus tests' engine.
        engine = new StandaloneInMemProcessEngineConfiguration()
                .setExpressionManager(new MockExpressionManager())
                .setProcessEngineName("dsar-model-test")
                .setJdbcUrl("jdbc:h2:mem:dsar-model-test")
                .setHistory(ProcessEngineConfiguration.HISTORY_FULL)
                .setJobExecutorActivate(false)
                .buildProcessEngine();
        BpmnAwareTests.init(engine);
        repositoryService().createDeployment().addClasspathResource(DsarProcess.BPMN_RESOURCE).deploy();
    }

    @AfterAll
    static void closeEngine() {
        BpmnAwareTests.reset();
        engine.close();
    }

    @BeforeEach
    void stubDelegates() {
        // The deadline and the proposed actions live in the service's tables; the model routes on neither.
        stub("recordDeadline", execution -> { });
        stub("locateSubject", execution -> execution.setVariable(DsarProcess.MATCH_STATUS,
                (matchStatuses.size() > 1 ? matchStatuses.poll() : matchStatuses.peek()).name()));
        stub("decide", execution -> { });
        stub("carryOut", execution -> execution.setVariable(DsarProcess.CUSTODIAN_TASKS, custodianTasks));
        // An execution listener in the model; the engine also accepts a JavaDelegate there.
        stub("nameCustodianTask", execution -> execution.setVariableLocal(DsarProcess.CUSTODIAN_TASK,
                "study/holding-" + execution.getVariable("loopCounter")));
        stub("holdForRedaction", execution -> execution.setVariable(DsarProcess.REDACTION_TASKS, redactionTasks));
        stub("nameRedactionTask", execution -> execution.setVariableLocal(DsarProcess.REDACTION_TASK,
                "study/interviews-" + execution.getVariable("loopCounter")));
        stub("respond", execution -> { });
        stub("checkDeadline", execution -> execution.setVariableLocal(DsarProcess.DEADLINE_CHECK,
                deadlineCheck.name()));
        emails = new EmailStub();
        stubs.put("sendEmails", emails);
        Mocks.register("sendEmails", emails);
    }

    @AfterEach
    void removeStubs() {
        Mocks.reset();
    }

    @Test
    void aLocatedSubjectGoesToReviewWhileTheAcknowledgementGoesOut() {
        ProcessInstance instance = startRequest();

        assertThat(instance).hasPassedInOrder("requestLogged", "recordDeadline", "requestRecorded", "locateSubject",
                        "subjectLocated", "decide")
                .isWaitingAt(DsarProcess.REVIEW_DECISION, "sendAcknowledgement");
        assertThat(runtimeService().getVariables(instance.getId()))
                .containsOnlyKeys(DsarProcess.REQUEST_REFERENCE, DsarProcess.MATCH_STATUS)
                .containsEntry(DsarProcess.MATCH_STATUS, MatchStatus.UNIQUE.name());

        sendEmailsDue(instance);
        assertThat(instance).hasPassedInOrder("sendAcknowledgement", "acknowledged")
                .isWaitingAtExactly(HANDLING, DsarProcess.REVIEW_DECISION);
        assertThat(emails.sent).containsExactly("ACKNOWLEDGEMENT,DPO_NEW_REQUEST");
        assertThat(calls()).isEqualTo(Map.of("recordDeadline", 1, "locateSubject", 1, "decide", 1, "sendEmails", 1));
    }

    @Test
    void anApprovedRequestWithNoExternalHoldingsIsCarriedOutAndAnswered() {
        ProcessInstance instance = startRequest();

        review(instance, ReviewOutcome.APPROVED);
        assertThat(instance).isWaitingAtExactly("sendAcknowledgement", "sendResponse");
        sendEmailsDue(instance);

        assertThat(instance).hasPassedInOrder(DsarProcess.REVIEW_DECISION, "reviewed", "carryOut",
                        "custodiansToConfirm", "respond", "handled", "sendResponse", "requestHandled")
                .hasNotPassed(DsarProcess.CONFIRM_CUSTODIAN)
                .isEnded();
        assertThat(emails.sent).containsExactly("ACKNOWLEDGEMENT,DPO_NEW_REQUEST", "RESPONSE,RECIPIENT_NOTICE");
        assertThat(calls()).isEqualTo(Map.of("recordDeadline", 1, "locateSubject", 1, "decide", 1, "carryOut", 1,
                "holdForRedaction", 1, "respond", 1, "sendEmails", 2));
    }

    @Test
    void eachExternalHoldingWaitsForItsCustodianInAnyOrderBeforeTheRequestIsAnswered() {
        custodianTasks = 2;
        ProcessInstance instance = startRequest();

        review(instance, ReviewOutcome.APPROVED);
        Map<String, Task> custodians = custodianTasksOf(instance);
        assertThat(custodians).containsOnlyKeys("study/holding-0", "study/holding-1");
        // The custodians' email is a step outside the handling, beside their tasks, which are open before it goes.
        assertThat(instance).hasPassedInOrder("carryOut", "custodiansToTell", "custodiansToTellCaught")
                .isWaitingAt(DsarProcess.CONFIRM_CUSTODIAN, "tellCustodians");

        complete(custodians.get("study/holding-1"));
        assertThat(instance).isWaitingAt(DsarProcess.CONFIRM_CUSTODIAN).hasNotPassed("respond");
        assertThat(custodianTasksOf(instance)).containsOnlyKeys("study/holding-0");

        complete(custodians.get("study/holding-0"));
        assertThat(instance).as("the response waits for no email to the custodians")
                .hasPassed("respond").isWaitingAt("tellCustodians", "sendResponse");
        sendEmailsDue(instance);
        assertThat(instance).hasPassedInOrder("carryOut", "custodiansToTell", DsarProcess.CONFIRM_CUSTODIAN,
                        "respond", "sendResponse", "requestHandled")
                .hasPassedInOrder("custodiansToTellCaught", "tellCustodians", "custodiansTold")
                .isEnded();
        assertThat(emails.sent).containsExactlyInAnyOrder("ACKNOWLEDGEMENT,DPO_NEW_REQUEST", "CUSTODIAN_REQUEST",
                "RESPONSE,RECIPIENT_NOTICE");
        assertThat(calls()).isEqualTo(Map.of("recordDeadline", 1, "locateSubject", 1, "decide", 1, "carryOut", 1,
                "nameCustodianTask", 2, "holdForRedaction", 1, "respond", 1, "sendEmails", 3));
    }

    @Test
    void aHeldBackCopyAndAnExternalHoldingAreConfirmedInEitherOrderBeforeTheRequestIsAnswered() {
        custodianTasks = 1;
        redactionTasks = 2;
        ProcessInstance instance = startRequest();

        review(instance, ReviewOutcome.APPROVED);
        assertThat(instance).hasPassedInOrder("carryOut", "custodiansAndRedactions", "holdForRedaction",
                "redactionsToConfirm");
        Map<String, Task> redactions = redactionTasksOf(instance);
        assertThat(redactions).containsOnlyKeys("study/interviews-0", "study/interviews-1");

        complete(redactions.get("study/interviews-1"));
        complete(custodianTasksOf(instance).get("study/holding-0"));
        assertThat(instance).isWaitingAt(DsarProcess.CONFIRM_REDACTION).hasNotPassed("respond");
        assertThat(redactionTasksOf(instance)).containsOnlyKeys("study/interviews-0");

        complete(redactions.get("study/interviews-0"));
        sendEmailsDue(instance);
        assertThat(instance).hasPassedInOrder("carryOut", DsarProcess.CONFIRM_REDACTION, "allConfirmed", "respond",
                        "sendResponse", "requestHandled")
                .isEnded();
        assertThat(calls()).isEqualTo(Map.of("recordDeadline", 1, "locateSubject", 1, "decide", 1, "carryOut", 1,
                "nameCustodianTask", 1, "holdForRedaction", 1, "nameRedactionTask", 2, "respond", 1, "sendEmails", 3));
    }

    @Test
    void aRefusedRequestIsAnsweredWithoutBeingCarriedOut() {
        ProcessInstance instance = startRequest();

        review(instance, ReviewOutcome.REFUSED);
        sendEmailsDue(instance);

        assertThat(instance).hasPassedInOrder(DsarProcess.REVIEW_DECISION, "reviewed", "respond", "sendResponse",
                        "requestHandled")
                .hasNotPassed("carryOut", DsarProcess.CONFIRM_CUSTODIAN)
                .isEnded();
        assertThat(emails.sent).containsExactly("ACKNOWLEDGEMENT,DPO_NEW_REQUEST", "RESPONSE,RECIPIENT_NOTICE");
        assertThat(calls()).isEqualTo(Map.of("recordDeadline", 1, "locateSubject", 1, "decide", 1, "respond", 1,
                "sendEmails", 2));
    }

    @ParameterizedTest
    @EnumSource(value = MatchStatus.class, names = {"NOT_FOUND", "AMBIGUOUS"})
    void aSubjectNotLocatedWaitsForMoreIdentifiersThenLocatesAgain(MatchStatus firstMatch) {
        answerLocateSubject(firstMatch, MatchStatus.UNIQUE);
        ProcessInstance instance = startRequest();
        sendEmailsDue(instance);
        assertThat(instance).isWaitingAtExactly(HANDLING, DsarProcess.ASK_FOR_IDENTIFIERS).hasNotPassed("decide");

        complete(task(instance));
        assertThat(instance).isWaitingAtExactly(HANDLING, DsarProcess.IDENTIFIERS_RECEIVED_EVENT)
                .isWaitingFor(DsarProcess.IDENTIFIERS_RECEIVED);

        correlate(DsarProcess.IDENTIFIERS_RECEIVED, instance);
        assertThat(instance).hasPassedInOrder("locateSubject", DsarProcess.ASK_FOR_IDENTIFIERS,
                        DsarProcess.IDENTIFIERS_RECEIVED_EVENT, "locateSubject", "decide")
                .isWaitingAtExactly(HANDLING, DsarProcess.REVIEW_DECISION);
        assertThat(calls()).isEqualTo(Map.of("recordDeadline", 1, "locateSubject", 2, "decide", 1, "sendEmails", 1));
    }

    @Test
    void noDataHeldClosesARequestWhoseSubjectWasNotLocatedAndSaysSo() {
        answerLocateSubject(MatchStatus.NOT_FOUND);
        ProcessInstance instance = startRequest();
        sendEmailsDue(instance);
        assertThat(instance).isWaitingAtExactly(HANDLING, DsarProcess.ASK_FOR_IDENTIFIERS);

        correlate(DsarProcess.NO_DATA_HELD, instance);
        assertThat(instance).isWaitingAtExactly("sendNoDataHeldResponse");
        sendEmailsDue(instance);

        assertThat(instance).hasPassedInOrder("noDataHeldDecided", "sendNoDataHeldResponse", "closedNoDataHeld")
                .hasNotPassed("decide", "respond", "sendResponse")
                .isEnded();
        assertThat(endEventsOf(instance)).containsExactlyInAnyOrder("acknowledged", "closedNoDataHeld");
        assertThat(emails.sent).containsExactly("ACKNOWLEDGEMENT,DPO_NEW_REQUEST", "RESPONSE");
        assertThat(calls()).isEqualTo(Map.of("recordDeadline", 1, "locateSubject", 1, "sendEmails", 2));
    }

    @Test
    void aDuplicateClosedByTheDpoEndsItsHandlingAndTellsTheRequesterInAStepOfItsOwn() {
        ProcessInstance instance = startRequest();
        sendEmailsDue(instance);
        assertThat(instance).isWaitingAtExactly(HANDLING, DsarProcess.REVIEW_DECISION);

        correlate(DsarProcess.CLOSED_AS_DUPLICATE, instance);
        assertThat(instance).isWaitingAtExactly("sendDuplicateNotice");
        sendEmailsDue(instance);

        assertThat(instance).hasPassedInOrder("closedAsDuplicate", "sendDuplicateNotice", "closedDuplicate")
                .hasNotPassed("respond", "sendResponse")
                .isEnded();
        assertThat(endEventsOf(instance)).containsExactlyInAnyOrder("acknowledged", "closedDuplicate");
        assertThat(emails.sent).containsExactly("ACKNOWLEDGEMENT,DPO_NEW_REQUEST", "DUPLICATE_NOTICE");
    }

    @Test
    void aCancellationEndsARequestAwaitingReviewButNotTheAcknowledgementDue() {
        ProcessInstance instance = startRequest();
        assertThat(instance).isWaitingAt(DsarProcess.REVIEW_DECISION, "sendAcknowledgement");

        correlate(DsarProcess.REQUEST_CANCELLED, instance);
        assertThat(instance).hasPassedInOrder("cancellationRequested", "requestCancelled")
                .isWaitingAtExactly("sendAcknowledgement");
        assertThat(taskQuery().processInstanceId(instance.getId()).count()).isZero();
        sendEmailsDue(instance);

        assertThat(instance).hasNotPassed("respond", "sendResponse").isEnded();
        assertThat(endEventsOf(instance)).containsExactlyInAnyOrder("requestCancelled", "acknowledged");
        assertThat(emails.sent).containsExactly("ACKNOWLEDGEMENT,DPO_NEW_REQUEST");
        assertThat(calls()).isEqualTo(Map.of("recordDeadline", 1, "locateSubject", 1, "decide", 1, "sendEmails", 1));
    }

    @Test
    void aCancellationEndsARequestAwaitingCustodians() {
        custodianTasks = 2;
        ProcessInstance instance = startRequest();
        sendEmailsDue(instance);
        review(instance, ReviewOutcome.APPROVED);
        assertThat(custodianTasksOf(instance)).hasSize(2);

        correlate(DsarProcess.REQUEST_CANCELLED, instance);

        assertThat(instance).hasPassedInOrder("cancellationRequested", "requestCancelled")
                .hasNotPassed("respond")
                .isWaitingAtExactly("tellCustodians");
        assertThat(taskQuery().processInstanceId(instance.getId()).count()).isZero();
        // The custodians' step, due already, still runs (and finds no custodian to tell of a cancelled request).
        sendEmailsDue(instance);
        assertThat(instance).isEnded();
        assertThat(endEventsOf(instance)).containsExactlyInAnyOrder("acknowledged", "requestCancelled",
                "custodiansTold");
        assertThat(calls()).isEqualTo(Map.of("recordDeadline", 1, "locateSubject", 1, "decide", 1, "carryOut", 1,
                "nameCustodianTask", 2, "holdForRedaction", 1, "sendEmails", 2));
    }

    @Test
    void aClockEventRecalculatesTheDeadlineWithoutLeavingTheCurrentStep() {
        ProcessInstance instance = startRequest();
        sendEmailsDue(instance);
        String review = task(instance).getId();

        correlateClockEvent(instance, null);

        assertThat(instance).hasPassedInOrder("clockEventRecorded", "recalculateDeadline", "requesterToBeTold",
                        "deadlineRecalculated")
                .hasNotPassed("tellRequester")
                .isWaitingAtExactly(HANDLING, DsarProcess.REVIEW_DECISION);
        // Non-interrupting: the same review task is still open.
        assertThat(task(instance).getId()).isEqualTo(review);
        assertThat(calls()).isEqualTo(Map.of("recordDeadline", 2, "locateSubject", 1, "decide", 1, "sendEmails", 1));
    }

    @Test
    void aClockEventThatAsksSomethingOfTheRequesterTellsThemInAStepOfItsOwn() {
        ProcessInstance instance = startRequest();
        sendEmailsDue(instance);

        correlateClockEvent(instance, "EXTENSION_NOTICE");
        assertThat(instance).isWaitingAt(DsarProcess.REVIEW_DECISION, "tellRequester");
        sendEmailsDue(instance);

        assertThat(instance).hasPassedInOrder("recalculateDeadline", "requesterToBeTold", "tellRequester",
                        "requesterTold")
                .isWaitingAtExactly(HANDLING, DsarProcess.REVIEW_DECISION);
        assertThat(emails.sent).containsExactly("ACKNOWLEDGEMENT,DPO_NEW_REQUEST", "EXTENSION_NOTICE");
    }

    @ParameterizedTest
    @EnumSource(DeadlineCheck.class)
    void theDailyCheckRemindsOrEscalatesAsItDecidesAndIsSetAgainWhileTheRequestWaits(DeadlineCheck decided) {
        deadlineCheck = decided;
        ProcessInstance instance = startRequest();
        sendEmailsDue(instance);
        Job dailyCheck = job("dailyCheck", instance);

        execute(dailyCheck);
        sendEmailsDue(instance);

        String reached = switch (decided) {
            case NONE -> "deadlineChecked";
            case REMIND -> "dpoReminded";
            case ESCALATE -> "dpoEscalated";
        };
        assertThat(instance).hasPassedInOrder("dailyCheck", "checkDeadline", "deadlineDue", reached)
                .isWaitingAtExactly(HANDLING, DsarProcess.REVIEW_DECISION);
        assertThat(emails.sent).containsExactlyElementsOf(switch (decided) {
            case NONE -> List.of("ACKNOWLEDGEMENT,DPO_NEW_REQUEST");
            case REMIND -> List.of("ACKNOWLEDGEMENT,DPO_NEW_REQUEST", "DPO_REMINDER,CUSTODIAN_REMINDER");
            case ESCALATE -> List.of("ACKNOWLEDGEMENT,DPO_NEW_REQUEST", "DPO_ESCALATION");
        });
        // The check's answer is local to its run, recorded in history but not left on the request.
        assertThat(historyService().createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
                .variableName(DsarProcess.DEADLINE_CHECK).singleResult().getValue()).isEqualTo(decided.name());
        assertThat(runtimeService().getVariable(instance.getId(), DsarProcess.DEADLINE_CHECK)).isNull();
        // A cycle: the fired timer is replaced by the next one.
        Job nextCheck = job("dailyCheck", instance);
        assertThat(nextCheck).isNotNull();
        assertThat(nextCheck.getId()).isNotEqualTo(dailyCheck.getId());
    }

    @Test
    void theModelIsDeployedWithAHistoryTimeToLiveAndEveryFlowNodeIsNamed() {
        assertThat(repositoryService().createProcessDefinitionQuery().processDefinitionKey(DsarProcess.KEY)
                .singleResult().getHistoryTimeToLive()).isEqualTo(730);

        InputStream model = getClass().getClassLoader().getResourceAsStream(DsarProcess.BPMN_RESOURCE);
        List<FlowNode> nodes = List.copyOf(Bpmn.readModelFromStream(model).getModelElementsByType(FlowNode.class));
        assertThat(nodes).isNotEmpty().allSatisfy(node -> {
            assertThat(node.getId()).isNotBlank();
            assertThat(node.getName()).as("name of %s", node.getId()).isNotBlank();
        });
    }

    /** A request as the intake starts one: business key and only variable, the reference. */
    private static ProcessInstance startRequest() {
        String reference = String.format("DSAR-2026-%06d", ++requests);
        return runtimeService().startProcessInstanceByKey(DsarProcess.KEY, reference,
                Map.of(DsarProcess.REQUEST_REFERENCE, reference));
    }

    private static void review(ProcessInstance instance, ReviewOutcome outcome) {
        assertThat(instance).isWaitingAt(DsarProcess.REVIEW_DECISION);
        complete(task(instance), withVariables(DsarProcess.REVIEW_OUTCOME, outcome.name()));
    }

    private static void correlate(String message, ProcessInstance instance) {
        runtimeService().createMessageCorrelation(message).processInstanceBusinessKey(instance.getBusinessKey())
                .correlate();
    }

    /** As the service correlates a clock event: with the email that tells the requester of it, or none. */
    private static void correlateClockEvent(ProcessInstance instance, String requesterEmail) {
        runtimeService().createMessageCorrelation(DsarProcess.CLOCK_EVENT_RECORDED)
                .processInstanceBusinessKey(instance.getBusinessKey())
                .setVariableToTriggeredScope(DsarProcess.REQUESTER_EMAIL, requesterEmail)
                .correlate();
    }

    /** Runs the instance's asynchronous email steps, and any the first ones lead to, as the job executor would. */
    private static void sendEmailsDue(ProcessInstance instance) {
        for (List<Job> due = emailJobs(instance); !due.isEmpty(); due = emailJobs(instance)) {
            due.forEach(job -> managementService().executeJob(job.getId()));
        }
    }

    private static List<Job> emailJobs(ProcessInstance instance) {
        return managementService().createJobQuery().processInstanceId(instance.getId()).messages().list();
    }

    /** The open confirmCustodian tasks, by the holding each was named after. */
    private static Map<String, Task> custodianTasksOf(ProcessInstance instance) {
        return taskQuery().processInstanceId(instance.getId()).taskDefinitionKey(DsarProcess.CONFIRM_CUSTODIAN).list()
                .stream()
                .collect(Collectors.toMap(task -> (String) taskService().getVariable(task.getId(),
                        DsarProcess.CUSTODIAN_TASK), task -> task));
    }

    /** The open confirmRedaction tasks, by the holding each was named after. */
    private static Map<String, Task> redactionTasksOf(ProcessInstance instance) {
        return taskQuery().processInstanceId(instance.getId()).taskDefinitionKey(DsarProcess.CONFIRM_REDACTION).list()
                .stream()
                .collect(Collectors.toMap(task -> (String) taskService().getVariable(task.getId(),
                        DsarProcess.REDACTION_TASK), task -> task));
    }

    /** The end events the instance reached. */
    private static List<String> endEventsOf(ProcessInstance instance) {
        return historyService().createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
                .activityType(ActivityTypes.END_EVENT_NONE).list().stream()
                .map(HistoricActivityInstance::getActivityId)
                .toList();
    }

    private void answerLocateSubject(MatchStatus... answers) {
        matchStatuses.clear();
        matchStatuses.addAll(List.of(answers));
    }

    private void stub(String beanName, Consumer<DelegateExecution> answer) {
        Stub stub = new Stub(answer);
        stubs.put(beanName, stub);
        Mocks.register(beanName, stub);
    }

    /** How often each stub ran, leaving out those that never did. */
    private Map<String, Integer> calls() {
        Map<String, Integer> calls = new TreeMap<>();
        stubs.forEach((name, stub) -> {
            if (stub.calls > 0) {
                calls.put(name, stub.calls);
            }
        });
        return calls;
    }

    /** Stands in for a delegate bean: answers the engine as the real one's contract says, and counts its runs. */
    public static class Stub implements JavaDelegate {

        private final Consumer<DelegateExecution> answer;
        private int calls;

        Stub(Consumer<DelegateExecution> answer) {
            this.answer = answer;
        }

        @Override
        public void execute(DelegateExecution execution) {
            calls++;
            answer.accept(execution);
        }
    }

    /** Stands in for sendEmails: the engine injects each step's field "emails"; it keeps what each step sent. */
    public static final class EmailStub extends Stub {

        private final List<String> sent = new ArrayList<>();
        private Expression templates;

        EmailStub() {
            super(execution -> { });
        }

        public void setEmails(Expression templates) {
            this.templates = templates;
        }

        @Override
        public void execute(DelegateExecution execution) {
            super.execute(execution);
            sent.add((String) templates.getValue(execution));
        }
    }
}
