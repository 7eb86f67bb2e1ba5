package org.dsarflow.deadline;

import java.time.LocalDate;

/**
 * Calendar arithmetic of Art. 12(3) UK GDPR as the ICO reads it: the day of receipt is day one and the period
 * ends on the corresponding calendar date, or on the last day of a month that has no such date.
 */
public final class StatutoryPeriod {

    private StatutoryPeriod() {
    }

    /** {@code plusMonths} clamps to the month's last day: 31 Jan becomes 28/29 Feb, 31 Mar becomes 30 Apr. */
    public static LocalDate oneMonthFrom(LocalDate start) {
        return start.plusMonths(1);
    }

    /** Three months in one step: 31 Jan + 3 months is 30 Apr, whereas stepping a month at a time stops at 28/29 Apr. */
    public static LocalDate threeMonthsFrom(LocalDate start) {
        return start.plusMonths(3);
    }
}
