package org.dsarflow.process;

import org.dsarflow.decision.DecisionReviewed;
import org.dsarflow.fulfilment.CustodianConfirmed;
import org.dsarflow.fulfilment.RedactionRecorded;

/** Names shared between the BPMN model and the code. Variables hold references and outcomes only. */
public final class DsarProcess {

    public static final String KEY = "dsar-request";
    public static final String BPMN_RESOURCE = "bpmn/dsar-request.bpmn";

    /** Variable: the request reference (also the business key). */
    public static final String REQUEST_REFERENCE = "requestReference";

    /** Variable local to each daily deadline check: REMIND, ESCALATE or NONE. */
    public static final String DEADLINE_CHECK = "deadlineCheck";

    /** Variable: UNIQUE, AMBIGUOUS or NOT_FOUND, from locateSubject. */
    public static final String MATCH_STATUS = "matchStatus";

    /** Variable of each clock event's subprocess: the email that tells the requester of it, or null. */
    public static final String REQUESTER_EMAIL = "requesterEmail";

    /** Variable: APPROVED or REFUSED, set when the DPO completes {@code reviewDecision}. */
    public static final String REVIEW_OUTCOME = "reviewOutcome";
    /** Variable: how many external holdings {@code carryOut} left to custodians. */
    public static final String CUSTODIAN_TASKS = "custodianTasks";
    /** Variable local to each {@code confirmCustodian} task: "studyKey/holdingKey". */
    public static final String CUSTODIAN_TASK = "custodianTask";
    /** Variable: how many copies {@code holdForRedaction} held back for the DPO to deal with others' information. */
    public static final String REDACTION_TASKS = "redactionTasks";
    /** Variable local to each {@code confirmRedaction} task: "studyKey/holdingKey". */
    public static final String REDACTION_TASK = "redactionTask";

    /** The user tasks that the domain's events complete; the events name them, as their audit entries do. */
    public static final String REVIEW_DECISION = DecisionReviewed.ACTIVITY;
    public static final String CONFIRM_CUSTODIAN = CustodianConfirmed.ACTIVITY;
    public static final String CONFIRM_REDACTION = RedactionRecorded.ACTIVITY;
    public static final String ASK_FOR_IDENTIFIERS = "askForIdentifiers";
    public static final String IDENTIFIERS_RECEIVED_EVENT = "identifiersReceived";

    public static final String CLOCK_EVENT_RECORDED = "ClockEventRecorded";
    public static final String IDENTIFIERS_RECEIVED = "IdentifiersReceived";
    public static final String NO_DATA_HELD = "NoDataHeld";
    public static final String REQUEST_CANCELLED = "RequestCancelled";
    public static final String CLOSED_AS_DUPLICATE = "RequestClosedAsDuplicate";

    private DsarProcess() {
    }
}
