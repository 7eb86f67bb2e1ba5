package org.dsarflow.deadline;

import org.dsarflow.intake.ClockState;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ClockReadingTest {

    private static final BankHolidayCalendar CALENDAR = Calendars.englandAndWales();

    /** Received 25 Nov 2024: due Fri 27 Dec, after the Christmas bank holidays. */
    private static final ClockReading RUNNING = RequestClock.startedOn(LocalDate.of(2024, 11, 25))
            .read(CALENDAR, LocalDate.of(2024, 11, 25));

    @Test
    void isOverdueOnlyAfterTheDeadline() {
        assertThat(RUNNING.deadline()).isEqualTo(LocalDate.of(2024, 12, 27));
        assertThat(RUNNING.overdue(LocalDate.of(2024, 12, 27))).isFalse();
        assertThat(RUNNING.overdue(LocalDate.of(2024, 12, 28))).isTrue();
    }

    @Test
    void isDueSoonWithinTheGivenWorkingDays() {
        LocalDate friday = LocalDate.of(2024, 12, 20); // 23, 24 and 27 Dec are the working days left

        assertThat(RUNNING.dueSoon(friday, CALENDAR, 3)).isTrue();
        assertThat(RUNNING.dueSoon(friday, CALENDAR, 2)).isFalse();
        assertThat(RUNNING.dueSoon(LocalDate.of(2024, 12, 27), CALENDAR, 0)).isTrue();
        assertThat(RUNNING.dueSoon(LocalDate.of(2024, 12, 28), CALENDAR, 5)).isFalse();
    }

    @Test
    void aPausedClockIsNeitherOverdueNorDueSoon() {
        ClockReading paused = new ClockReading(ClockState.PAUSED, LocalDate.of(2024, 10, 1),
                LocalDate.of(2024, 10, 1), LocalDate.of(2024, 11, 1), LocalDate.of(2024, 11, 1), false, 1,
                LocalDate.of(2024, 10, 31), Set.of());

        assertThat(paused.overdue(LocalDate.of(2024, 11, 2))).isFalse();
        assertThat(paused.dueSoon(LocalDate.of(2024, 11, 1), CALENDAR, 5)).isFalse();
    }

    @Test
    void aStoppedClockIsNeitherOverdueNorDueSoon() {
        ClockReading stopped = RequestClock.startedOn(LocalDate.of(2024, 10, 1))
                .apply(ClockEvent.of(ClockEventKind.FEE_REQUESTED, LocalDate.of(2024, 10, 2)), CALENDAR)
                .read(CALENDAR, LocalDate.of(2025, 1, 1));

        assertThat(stopped.overdue(LocalDate.of(2025, 1, 1))).isFalse();
        assertThat(stopped.dueSoon(LocalDate.of(2025, 1, 1), CALENDAR, 5)).isFalse();
    }

    @Test
    void awaitingIsAnImmutableSetInDeclarationOrder() {
        ClockReading stopped = new ClockReading(ClockState.STOPPED, LocalDate.of(2024, 10, 1), null, null, null,
                false, 0, null, Set.of(ClockStop.FEE, ClockStop.IDENTITY));

        assertThat(stopped.awaiting()).containsExactly(ClockStop.IDENTITY, ClockStop.FEE);
        assertThat(stopped.awaiting()).isUnmodifiable();
    }
}
