package org.dsarflow.deadline;

import java.time.LocalDate;

/**
 * The daily look at a request's deadline: remind the DPO mailbox on the first working day from which the
 * deadline is {@code workingDays} working days away or fewer, escalate once it has passed. Each happens
 * once per deadline, so a deadline that moves (extension, pause, ID restart, a new calendar) is reminded
 * of and escalated afresh, and a stopped clock (no deadline) is neither.
 */
public enum DeadlineCheck {
    NONE, REMIND, ESCALATE;

    public static DeadlineCheck on(LocalDate today, LocalDate deadline, BankHolidayCalendar calendar, int workingDays,
                                   LocalDate remindedFor, LocalDate escalatedFor) {
        if (deadline == null) {
            return NONE;
        }
        if (today.isAfter(deadline)) {
            return deadline.equals(escalatedFor) ? NONE : ESCALATE;
        }
        if (deadline.equals(remindedFor) || !calendar.isWorkingDay(today)) {
            return NONE;
        }
        return calendar.workingDaysAfter(today, deadline) <= workingDays ? REMIND : NONE;
    }
}
