package org.dsarflow.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DeadlineCalculatorTest {

    private static final BankHolidayCalendar CALENDAR = Calendars.englandAndWales();

    @Test
    void deadlineIsOneMonthRolledToAWorkingDay() {
        assertThat(DeadlineCalculator.deadline(LocalDate.of(2024, 11, 25), CALENDAR))
                .isEqualTo(LocalDate.of(2024, 12, 27));
    }

    @Test
    void extendedDeadlineIsThreeMonthsRolledToAWorkingDay() {
        assertThat(DeadlineCalculator.extendedDeadline(LocalDate.of(2022, 9, 26), CALENDAR))
                .isEqualTo(LocalDate.of(2022, 12, 28));
    }

    @Test
    void agreesWithAFreshClock() {
        LocalDate receivedOn = LocalDate.of(2027, 1, 31);

        assertThat(RequestClock.startedOn(receivedOn).read(CALENDAR, receivedOn).deadline())
                .isEqualTo(DeadlineCalculator.deadline(receivedOn, CALENDAR))
                .isEqualTo(LocalDate.of(2027, 3, 1));
    }
}
