package org.dsarflow.deadline;

import java.time.LocalDate;

/** When a request received on a given date is due, before anything happens to its clock. */
public final class DeadlineCalculator {

    private DeadlineCalculator() {
    }

    public static LocalDate deadline(LocalDate receivedOn, BankHolidayCalendar calendar) {
        return calendar.onOrNextWorkingDay(StatutoryPeriod.oneMonthFrom(receivedOn));
    }

    /** The deadline once extended by two further months for a complex or numerous request (Art. 12(3)). */
    public static LocalDate extendedDeadline(LocalDate receivedOn, BankHolidayCalendar calendar) {
        return calendar.onOrNextWorkingDay(StatutoryPeriod.threeMonthsFrom(receivedOn));
    }
}
