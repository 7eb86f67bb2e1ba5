package org.dsarflow.deadline;

import java.time.LocalDate;

/**
 * When a period that started on a day is due: one month (three once extended) from the start, plus the
 * days paused for clarification, rolled to the next working day. The one place this arithmetic is written.
 */
public final class DeadlineCalculator {

    private DeadlineCalculator() {
    }

    public static LocalDate due(LocalDate start, int pausedDays, boolean extended, BankHolidayCalendar calendar) {
        LocalDate end = extended ? StatutoryPeriod.threeMonthsFrom(start) : StatutoryPeriod.oneMonthFrom(start);
        return calendar.onOrNextWorkingDay(end.plusDays(pausedDays));
    }

    /** When a request received on a given date is due, before anything happens to its clock. */
    public static LocalDate deadline(LocalDate receivedOn, BankHolidayCalendar calendar) {
        return due(receivedOn, 0, false, calendar);
    }

    /** The deadline once extended by two further months for a complex or numerous request (Art. 12(3)). */
    public static LocalDate extendedDeadline(LocalDate receivedOn, BankHolidayCalendar calendar) {
        return due(receivedOn, 0, true, calendar);
    }
}
