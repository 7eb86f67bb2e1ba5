package org.dsarflow.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BankHolidayCalendarTest {

    private static final BankHolidayCalendar ENGLAND_AND_WALES = Calendars.englandAndWales();

    @Test
    void weekendsAndBankHolidaysAreNotWorkingDays() {
        assertThat(ENGLAND_AND_WALES.isWorkingDay(LocalDate.of(2024, 12, 24))).isTrue();  // Tuesday
        assertThat(ENGLAND_AND_WALES.isWorkingDay(LocalDate.of(2024, 12, 25))).isFalse(); // Christmas Day
        assertThat(ENGLAND_AND_WALES.isWorkingDay(LocalDate.of(2024, 12, 28))).isFalse(); // Saturday
        assertThat(ENGLAND_AND_WALES.isWorkingDay(LocalDate.of(2024, 12, 29))).isFalse(); // Sunday
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "2024-10-03, 2024-10-03",  // a working day stays
        "2024-11-09, 2024-11-11",  // Saturday -> Monday
        "2021-12-25, 2021-12-29",  // Sat, Sun, two substitute days
        "2024-03-29, 2024-04-02",  // Good Friday, weekend, Easter Monday
        "2023-12-30, 2024-01-02"   // weekend then New Year's Day
    })
    void rollsToTheFirstWorkingDayOnOrAfter(LocalDate date, LocalDate workingDay) {
        assertThat(ENGLAND_AND_WALES.onOrNextWorkingDay(date)).isEqualTo(workingDay);
    }

    @ParameterizedTest(name = "({0}, {1}] has {2} working days")
    @CsvSource({
        "2024-12-20, 2024-12-20, 0",
        "2024-12-20, 2024-12-19, 0",
        "2024-12-20, 2024-12-23, 1",  // Sat, Sun not counted; Mon is
        "2024-12-20, 2024-12-27, 3",  // 23, 24, 27 (25 and 26 are bank holidays)
        "2024-12-23, 2024-12-24, 1"
    })
    void countsWorkingDaysAfterFromUpToAndIncludingTo(LocalDate from, LocalDate to, int count) {
        assertThat(ENGLAND_AND_WALES.workingDaysAfter(from, to)).isEqualTo(count);
    }

    @Test
    void coversTheYearsWithHolidays() {
        assertThat(ENGLAND_AND_WALES.firstYear()).contains(2020);
        assertThat(ENGLAND_AND_WALES.lastYear()).contains(2027);
        assertThat(ENGLAND_AND_WALES.covers(LocalDate.of(2020, 1, 1))).isTrue();
        assertThat(ENGLAND_AND_WALES.covers(LocalDate.of(2027, 12, 31))).isTrue();
        assertThat(ENGLAND_AND_WALES.covers(LocalDate.of(2019, 12, 31))).isFalse();
        assertThat(ENGLAND_AND_WALES.covers(LocalDate.of(2028, 1, 1))).isFalse();
    }

    @Test
    void anEmptyCalendarCoversNothingAndHasOnlyWeekends() {
        BankHolidayCalendar empty = new BankHolidayCalendar("nowhere", List.of());

        assertThat(empty.covers(LocalDate.of(2024, 1, 1))).isFalse();
        assertThat(empty.firstYear()).isEmpty();
        assertThat(empty.lastYear()).isEmpty();
        assertThat(empty.onOrNextWorkingDay(LocalDate.of(2024, 12, 25))).isEqualTo(LocalDate.of(2024, 12, 25));
    }

    @Test
    void keepsHolidaysSortedByDateAndImmutable() {
        BankHolidayCalendar calendar = Calendars.withHolidays("2025-12-25", "2024-12-25", "2025-01-01");

        assertThat(calendar.region()).isEqualTo("test");
        assertThat(calendar.holidays()).extracting(BankHoliday::date).containsExactly(
                LocalDate.of(2024, 12, 25), LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 25));
        assertThatThrownBy(() -> calendar.holidays().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void rejectsTheSameDateTwice() {
        assertThatThrownBy(() -> Calendars.withHolidays("2024-12-25", "2024-12-25"))
                .isInstanceOf(InvalidCalendarException.class)
                .hasMessageContaining("2024-12-25");
    }
}
