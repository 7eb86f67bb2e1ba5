package org.dsarflow.deadline;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DeadlineCheckTest {

    private static final BankHolidayCalendar CALENDAR = new BankHolidayCalendar("england-and-wales",
            List.of(new BankHoliday(LocalDate.parse("2025-08-25"), "Summer bank holiday")));

    @ParameterizedTest(name = "{0}, due {1}, reminded for {2}, escalated for {3}: {4}")
    @CsvSource(nullValues = "-", value = {
        "2025-06-24, 2025-07-02, -,          -,          NONE",
        "2025-06-25, 2025-07-02, -,          -,          REMIND",
        "2025-06-28, 2025-07-02, -,          -,          NONE",
        "2025-06-30, 2025-07-02, -,          -,          REMIND",
        "2025-06-30, 2025-07-02, 2025-07-02, -,          NONE",
        "2025-07-02, 2025-07-02, 2025-07-02, -,          NONE",
        "2025-07-03, 2025-07-02, 2025-07-02, -,          ESCALATE",
        "2025-07-03, 2025-07-02, -,          -,          ESCALATE",
        "2025-07-04, 2025-07-02, 2025-07-02, 2025-07-02, NONE",
        "2025-07-04, 2025-09-02, 2025-07-02, 2025-07-02, NONE",
        "2025-08-22, 2025-09-02, 2025-07-02, -,          NONE",
        "2025-08-25, 2025-09-02, 2025-07-02, -,          NONE",
        "2025-08-26, 2025-09-02, 2025-07-02, -,          REMIND",
        "2025-09-03, 2025-09-02, 2025-09-02, 2025-07-02, ESCALATE",
        "2025-07-03, -,          -,          -,          NONE"
    })
    void remindsOnceFromFiveWorkingDaysOutAndEscalatesOnceAfter(LocalDate today, LocalDate deadline,
                                                                LocalDate remindedFor, LocalDate escalatedFor,
                                                                DeadlineCheck expected) {
        assertThat(DeadlineCheck.on(today, deadline, CALENDAR, 5, remindedFor, escalatedFor)).isEqualTo(expected);
    }
}
