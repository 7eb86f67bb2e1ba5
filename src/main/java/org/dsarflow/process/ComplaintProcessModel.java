package org.dsarflow.process;

import org.dsarflow.complaint.ComplaintClosed;

/** Names shared between bpmn/dsar-complaint.bpmn and the code. Variables hold the reference, dates and outcomes. */
public final class ComplaintProcessModel {

    public static final String KEY = "dsar-complaint";
    public static final String BPMN_RESOURCE = "bpmn/dsar-complaint.bpmn";

    /** Variable: the complaint reference (also the business key). */
    public static final String COMPLAINT_REFERENCE = "complaintReference";

    /** Variable: when the DPO mailbox hears of an acknowledgement not yet given, ISO date-time with offset. */
    public static final String ACKNOWLEDGEMENT_ESCALATES_AT = "acknowledgementEscalatesAt";

    /** Variable local to the acknowledgement watch: whether the acknowledgement had been given. */
    public static final String ACKNOWLEDGEMENT_MET = "acknowledgementMet";

    /** Variable local to each daily progress check: whether the DPO mailbox is to be reminded. */
    public static final String REMINDER_DUE = "complaintReminderDue";

    /** Variable of each progress update's subprocess: whether the update is emailed to the complainant. */
    public static final String TELL_COMPLAINANT = "tellComplainant";

    /** Variable: the outcome, set when the outcome completes {@link #INVESTIGATE}. */
    public static final String OUTCOME = "complaintOutcome";

    public static final String INVESTIGATE = ComplaintClosed.ACTIVITY;
    public static final String COMPLAINT_UPDATED = "ComplaintUpdated";

    private ComplaintProcessModel() {
    }
}
