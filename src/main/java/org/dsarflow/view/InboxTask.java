package org.dsarflow.view;

import org.dsarflow.complaint.ComplaintStatus;
import org.dsarflow.intake.ClockState;
import org.dsarflow.intake.RequestStatus;
import org.dsarflow.intake.RequestType;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One open user task in the DPO inbox. {@code custodianTask} names the external holding
 * ("studyKey/holdingKey") of a custodian confirmation, {@code redactionTask} the held-back holding whose
 * other people's information the DPO deals with; {@code deadline} and {@code clock} are the request's,
 * as they run today; {@code note} tells the DPO what the task means for the clock where it is not what they
 * might expect (asking a non-access requester for identifiers under Art 12A(5) leaves the clock running). An
 * {@code incident} is a step that failed after its last retry: its {@code taskId} is the incident's id.
 * A {@code COMPLAINT} task is a complaint's investigation (or an incident of its process): its {@code deadline}
 * is the acknowledgement due date, overdue or due soon only while the acknowledgement is still to go, and the
 * request's fields are null.
 */
public record InboxTask(
        String taskId,
        String reference,
        String activity,
        String name,
        String custodianTask,
        Instant createdAt,
        RequestType requestType,
        RequestStatus requestStatus,
        LocalDate deadline,
        boolean dueSoon,
        boolean overdue,
        boolean incident,
        ClockState clock,
        String note,
        String redactionTask,
        Kind kind,
        ComplaintStatus complaintStatus) {

    /** Whether the task is about a request or a complaint. */
    public enum Kind { REQUEST, COMPLAINT }
}
