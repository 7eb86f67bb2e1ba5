package org.dsarflow.view;

import org.dsarflow.intake.RequestStatus;
import org.dsarflow.intake.RequestType;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One open user task in the DPO inbox. {@code custodianTask} names the external holding
 * ("studyKey/holdingKey") of a custodian confirmation, {@code redactionTask} the held-back holding whose
 * other people's information the DPO deals with; {@code deadline} is the request's.
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
        String redactionTask) {
}
