package org.dsarflow.deadline;

import org.dsarflow.intake.ClockState;
import org.dsarflow.intake.RequestStatus;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.dsarflow.deadline.ClockEventKind.CLARIFICATION_RECEIVED;
import static org.dsarflow.deadline.ClockEventKind.CLARIFICATION_REQUESTED;
import static org.dsarflow.deadline.ClockEventKind.EXTENSION_NOTIFIED;
import static org.dsarflow.deadline.ClockEventKind.FEE_RECEIVED;
import static org.dsarflow.deadline.ClockEventKind.FEE_REQUESTED;
import static org.dsarflow.deadline.ClockEventKind.IDENTITY_CONFIRMED;
import static org.dsarflow.deadline.ClockEventKind.IDENTITY_REQUESTED;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.dsarflow.deadline.ClockEventRejectedException.Reason;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RequestClockTest {

    private static final BankHolidayCalendar CALENDAR = Calendars.englandAndWales();

    private static LocalDate date(String iso) {
        return LocalDate.parse(iso);
    }

    private static RequestClock replay(String receivedOn, String events) {
        return RequestClock.replay(date(receivedOn), DeadlineCases.events(events), CALENDAR);
    }

    private static ClockEvent event(ClockEventKind kind, String on) {
        return ClockEvent.of(kind, date(on));
    }

    @Test
    void aFreshClockRunsFromTheReceiptDate() {
        ClockReading reading = RequestClock.startedOn(date("2024-09-03")).read(CALENDAR, date("2024-09-03"));

        assertThat(reading.state()).isEqualTo(ClockState.RUNNING);
        assertThat(reading.receivedOn()).isEqualTo(date("2024-09-03"));
        assertThat(reading.clockStartedOn()).isEqualTo(date("2024-09-03"));
        assertThat(reading.deadline()).isEqualTo(date("2024-10-03"));
        assertThat(reading.oneMonthDeadline()).isEqualTo(date("2024-10-03"));
        assertThat(reading.extended()).isFalse();
        assertThat(reading.pausedDays()).isZero();
        assertThat(reading.pausedSince()).isNull();
        assertThat(reading.awaiting()).isEmpty();
    }

    @Test
    void replayRecordsEveryEventInOrder() {
        RequestClock clock = replay("2024-10-01",
                "CLARIFICATION_REQUESTED@2024-10-02;CLARIFICATION_RECEIVED@2024-10-09");

        assertThat(clock.receivedOn()).isEqualTo(date("2024-10-01"));
        assertThat(clock.events()).containsExactly(
                event(CLARIFICATION_REQUESTED, "2024-10-02"), event(CLARIFICATION_RECEIVED, "2024-10-09"));
        assertThat(clock).isEqualTo(RequestClock.startedOn(date("2024-10-01"))
                .apply(event(CLARIFICATION_REQUESTED, "2024-10-02"), CALENDAR)
                .apply(event(CLARIFICATION_RECEIVED, "2024-10-09"), CALENDAR));
    }

    @Nested
    class ClockStops {

        @Test
        void anIdentityRequestMakesTheDeadlineUnknownUntilIdentityIsConfirmed() {
            RequestClock stopped = replay("2025-03-10", "IDENTITY_REQUESTED@2025-03-11");

            ClockReading whileStopped = stopped.read(CALENDAR, date("2025-03-15"));
            assertThat(whileStopped.state()).isEqualTo(ClockState.STOPPED);
            assertThat(whileStopped.deadline()).isNull();
            assertThat(whileStopped.oneMonthDeadline()).isNull();
            assertThat(whileStopped.clockStartedOn()).isNull();
            assertThat(whileStopped.awaiting()).containsExactly(ClockStop.IDENTITY);
            assertThat(whileStopped.overdue(date("2025-06-01"))).isFalse();

            ClockReading restarted = stopped.apply(event(IDENTITY_CONFIRMED, "2025-03-20"), CALENDAR)
                    .read(CALENDAR, date("2025-03-20"));
            assertThat(restarted.state()).isEqualTo(ClockState.RUNNING);
            assertThat(restarted.clockStartedOn()).isEqualTo(date("2025-03-20"));
            assertThat(restarted.deadline()).isEqualTo(date("2025-04-22")); // 20 Apr Easter Sunday, 21 Easter Monday
            assertThat(restarted.awaiting()).isEmpty();
        }

        @Test
        void withIdentityAndFeeOutstandingTheClockRestartsFromTheLaterOfTheTwo() {
            RequestClock bothAsked = replay("2024-06-03", "IDENTITY_REQUESTED@2024-06-04;FEE_REQUESTED@2024-06-05");
            assertThat(bothAsked.read(CALENDAR, date("2024-06-05")).awaiting())
                    .containsExactly(ClockStop.IDENTITY, ClockStop.FEE);

            RequestClock identityIn = bothAsked.apply(event(IDENTITY_CONFIRMED, "2024-06-10"), CALENDAR);
            ClockReading stillStopped = identityIn.read(CALENDAR, date("2024-06-10"));
            assertThat(stillStopped.state()).isEqualTo(ClockState.STOPPED);
            assertThat(stillStopped.deadline()).isNull();
            assertThat(stillStopped.awaiting()).containsExactly(ClockStop.FEE);

            ClockReading restarted = identityIn.apply(event(FEE_RECEIVED, "2024-06-14"), CALENDAR)
                    .read(CALENDAR, date("2024-06-14"));
            assertThat(restarted.clockStartedOn()).isEqualTo(date("2024-06-14"));
            assertThat(restarted.deadline()).isEqualTo(date("2024-07-15")); // 14 Jul is a Sunday
        }

        @Test
        void theOrderInWhichIdentityAndFeeArriveDoesNotMatter() {
            ClockReading reading = replay("2024-06-03", "FEE_REQUESTED@2024-06-04;IDENTITY_REQUESTED@2024-06-04;"
                    + "FEE_RECEIVED@2024-06-10;IDENTITY_CONFIRMED@2024-06-14").read(CALENDAR, date("2024-06-14"));

            assertThat(reading.clockStartedOn()).isEqualTo(date("2024-06-14"));
            assertThat(reading.deadline()).isEqualTo(date("2024-07-15"));
        }

        @Test
        void aRepresentativesAuthorityStopsTheClockAsIdentityDoesAndTheMonthRunsFromItsArrival() {
            RequestClock stopped = replay("2025-03-10", "AUTHORITY_REQUESTED@2025-03-11");

            ClockReading whileStopped = stopped.read(CALENDAR, date("2025-03-15"));
            assertThat(whileStopped.state()).isEqualTo(ClockState.STOPPED);
            assertThat(whileStopped.deadline()).isNull();
            assertThat(whileStopped.awaiting()).containsExactly(ClockStop.AUTHORITY);
            assertThat(whileStopped.openStatus(false)).isEqualTo(RequestStatus.AWAITING_AUTHORITY);
            assertThat(whileStopped.overdue(date("2025-06-01"))).isFalse();

            ClockReading restarted = stopped.apply(ClockEvent.of(ClockEventKind.AUTHORITY_RECEIVED, date("2025-03-20")),
                    CALENDAR).read(CALENDAR, date("2025-03-20"));
            assertThat(restarted.state()).isEqualTo(ClockState.RUNNING);
            assertThat(restarted.clockStartedOn()).isEqualTo(date("2025-03-20"));
            assertThat(restarted.deadline()).isEqualTo(date("2025-04-22")); // 20 Apr Easter Sunday, 21 Easter Monday
            assertThat(restarted.openStatus(false)).isEqualTo(RequestStatus.IN_PROGRESS);
        }

        @Test
        void withIdentityAndAuthorityOutstandingTheClockRestartsFromTheLaterOfTheTwo() {
            RequestClock bothAsked = replay("2024-06-03", "AUTHORITY_REQUESTED@2024-06-04;IDENTITY_REQUESTED@2024-06-05");
            ClockReading reading = bothAsked.read(CALENDAR, date("2024-06-05"));
            assertThat(reading.awaiting()).containsExactly(ClockStop.IDENTITY, ClockStop.AUTHORITY);
            assertThat(reading.openStatus(false)).isEqualTo(RequestStatus.AWAITING_IDENTITY);

            RequestClock identityIn = bothAsked.apply(event(IDENTITY_CONFIRMED, "2024-06-10"), CALENDAR);
            assertThat(identityIn.read(CALENDAR, date("2024-06-10")).openStatus(false))
                    .isEqualTo(RequestStatus.AWAITING_AUTHORITY);
            ClockReading restarted = identityIn.apply(ClockEvent.of(ClockEventKind.AUTHORITY_RECEIVED,
                    date("2024-06-14")), CALENDAR).read(CALENDAR, date("2024-06-14"));
            assertThat(restarted.clockStartedOn()).isEqualTo(date("2024-06-14"));
            assertThat(restarted.deadline()).isEqualTo(date("2024-07-15")); // 14 Jul is a Sunday
        }

        @Test
        void aStopResolvedTheSameDayRestartsFromThatDay() {
            ClockReading reading = replay("2024-09-03", "IDENTITY_REQUESTED@2024-09-04;IDENTITY_CONFIRMED@2024-09-04")
                    .read(CALENDAR, date("2024-09-04"));

            assertThat(reading.clockStartedOn()).isEqualTo(date("2024-09-04"));
            assertThat(reading.deadline()).isEqualTo(date("2024-10-04"));
        }

        @Test
        void pausesBeforeTheStopBelongToTheOldPeriod() {
            ClockReading reading = replay("2024-10-01", "CLARIFICATION_REQUESTED@2024-10-02;"
                    + "CLARIFICATION_RECEIVED@2024-10-09;IDENTITY_REQUESTED@2024-10-10;IDENTITY_CONFIRMED@2024-10-15")
                    .read(CALENDAR, date("2024-10-15"));

            assertThat(reading.pausedDays()).isZero();
            assertThat(reading.deadline()).isEqualTo(date("2024-11-15"));
        }

        @Test
        void anExtensionAlreadyNotifiedCarriesOverToTheNewPeriod() {
            ClockReading reading = replay("2024-09-03", "EXTENSION_NOTIFIED@2024-09-10;"
                    + "IDENTITY_REQUESTED@2024-09-11;IDENTITY_CONFIRMED@2024-09-20").read(CALENDAR, date("2024-09-20"));

            assertThat(reading.extended()).isTrue();
            assertThat(reading.clockStartedOn()).isEqualTo(date("2024-09-20"));
            assertThat(reading.deadline()).isEqualTo(date("2024-12-20"));
            assertThat(reading.oneMonthDeadline()).isEqualTo(date("2024-10-21")); // 20 Oct is a Sunday
        }
    }

    @Nested
    class ClarificationPauses {

        @Test
        void thePausedDaysBothInclusiveAreAddedBeforeRolling() {
            ClockReading reading = replay("2024-10-01",
                    "CLARIFICATION_REQUESTED@2024-10-02;CLARIFICATION_RECEIVED@2024-10-09")
                    .read(CALENDAR, date("2024-10-09"));

            assertThat(reading.state()).isEqualTo(ClockState.RUNNING);
            assertThat(reading.pausedDays()).isEqualTo(8);
            assertThat(reading.pausedSince()).isNull();
            assertThat(reading.deadline()).isEqualTo(date("2024-11-11")); // 1 Nov + 8 = Sat 9 Nov
        }

        @Test
        void aPauseOpenedAndClosedOnOneDayCountsOneDay() {
            ClockReading reading = replay("2024-10-01",
                    "CLARIFICATION_REQUESTED@2024-10-02;CLARIFICATION_RECEIVED@2024-10-02")
                    .read(CALENDAR, date("2024-10-02"));

            assertThat(reading.pausedDays()).isEqualTo(1);
            assertThat(reading.deadline()).isEqualTo(date("2024-11-04")); // Sat 2 Nov
        }

        @Test
        void severalPausesAddUp() {
            ClockReading reading = replay("2024-10-01",
                    "CLARIFICATION_REQUESTED@2024-10-02;CLARIFICATION_RECEIVED@2024-10-09;"
                            + "CLARIFICATION_REQUESTED@2024-10-14;CLARIFICATION_RECEIVED@2024-10-15")
                    .read(CALENDAR, date("2024-10-20"));

            assertThat(reading.pausedDays()).isEqualTo(10);
            assertThat(reading.deadline()).isEqualTo(date("2024-11-11"));
        }

        @Test
        void anOpenPauseIsProjectedAsIfTheClarificationCameOnTheReadingDay() {
            RequestClock paused = replay("2024-10-01", "CLARIFICATION_REQUESTED@2024-10-02");

            ClockReading onThe5th = paused.read(CALENDAR, date("2024-10-05"));
            assertThat(onThe5th.state()).isEqualTo(ClockState.PAUSED);
            assertThat(onThe5th.pausedSince()).isEqualTo(date("2024-10-02"));
            assertThat(onThe5th.pausedDays()).isEqualTo(4);
            assertThat(onThe5th.deadline()).isEqualTo(date("2024-11-05"));

            assertThat(paused.read(CALENDAR, date("2024-10-09")).deadline()).isEqualTo(date("2024-11-11"));
        }

        @Test
        void anOpenPauseAddsToEarlierClosedPauses() {
            ClockReading reading = replay("2024-10-01", "CLARIFICATION_REQUESTED@2024-10-02;"
                    + "CLARIFICATION_RECEIVED@2024-10-09;CLARIFICATION_REQUESTED@2024-10-14")
                    .read(CALENDAR, date("2024-10-15"));

            assertThat(reading.pausedDays()).isEqualTo(10);
        }

        @Test
        void aReadingDatedBeforeAnOpenPauseCountsNoOpenDays() {
            ClockReading reading = replay("2024-10-01", "CLARIFICATION_REQUESTED@2024-10-02")
                    .read(CALENDAR, date("2024-10-01"));

            assertThat(reading.pausedDays()).isZero();
            assertThat(reading.deadline()).isEqualTo(date("2024-11-01"));
        }

        @Test
        void datesBeforeReceiptAreTheCallersToValidateButDoNotBreakTheClock() {
            ClockReading reading = replay("2024-10-01",
                    "CLARIFICATION_REQUESTED@2024-09-20;CLARIFICATION_RECEIVED@2024-09-25")
                    .read(CALENDAR, date("2024-09-01"));

            assertThat(reading.pausedDays()).isEqualTo(6);
            assertThat(reading.deadline()).isEqualTo(date("2024-11-07"));
        }
    }

    @Nested
    class Extensions {

        @Test
        void extendsToThreeMonthsFromTheStartRolled() {
            ClockReading reading = replay("2022-09-26", "EXTENSION_NOTIFIED@2022-10-10")
                    .read(CALENDAR, date("2022-10-10"));

            assertThat(reading.extended()).isTrue();
            assertThat(reading.deadline()).isEqualTo(date("2022-12-28"));
            assertThat(reading.oneMonthDeadline()).isEqualTo(date("2022-10-26"));
        }

        @Test
        void mayBeNotifiedOnTheLastDayOfTheRolledOneMonthDeadlineButNotTheDayAfter() {
            // 25 Nov + 1 month = 25 Dec; 25 and 26 Dec are bank holidays, so the deadline is Fri 27 Dec.
            RequestClock clock = RequestClock.startedOn(date("2024-11-25"));

            ClockReading extended = clock.apply(event(EXTENSION_NOTIFIED, "2024-12-27"), CALENDAR)
                    .read(CALENDAR, date("2024-12-27"));
            assertThat(extended.deadline()).isEqualTo(date("2025-02-25"));

            assertThatThrownBy(() -> clock.apply(event(EXTENSION_NOTIFIED, "2024-12-28"), CALENDAR))
                    .isInstanceOfSatisfying(ClockEventRejectedException.class,
                            e -> assertThat(e.reason()).isEqualTo(Reason.EXTENSION_TOO_LATE))
                    .hasMessageContaining("2024-12-27");
        }

        @Test
        void aRecordedExtensionStandsWhenTheCalendarLaterLosesTheHolidayThatMadeItTimely() {
            // Notified on Fri 27 Dec 2024, timely only because 25 and 26 Dec are bank holidays.
            List<ClockEvent> recorded = List.of(event(EXTENSION_NOTIFIED, "2024-12-27"));
            BankHolidayCalendar withoutChristmas = new BankHolidayCalendar("england-and-wales",
                    CALENDAR.holidays().stream().filter(h -> h.date().getYear() != 2024 || h.date().getMonthValue() != 12)
                            .toList());

            assertThatThrownBy(() -> RequestClock.replay(date("2024-11-25"), recorded, withoutChristmas))
                    .isInstanceOf(ClockEventRejectedException.class);
            ClockReading restored = RequestClock.restore(date("2024-11-25"), recorded, withoutChristmas)
                    .read(withoutChristmas, date("2025-01-10"));
            assertThat(restored.extended()).isTrue();
            assertThat(restored.deadline()).isEqualTo(date("2025-02-25"));
        }

        @Test
        void theNoticeWindowIncludesClosedPauses() {
            RequestClock paused = replay("2024-10-01",
                    "CLARIFICATION_REQUESTED@2024-10-02;CLARIFICATION_RECEIVED@2024-10-09");

            ClockReading extended = paused.apply(event(EXTENSION_NOTIFIED, "2024-11-11"), CALENDAR)
                    .read(CALENDAR, date("2024-11-11"));
            assertThat(extended.deadline()).isEqualTo(date("2025-01-09")); // 1 Jan + 8 paused days

            assertThatThrownBy(() -> paused.apply(event(EXTENSION_NOTIFIED, "2024-11-12"), CALENDAR))
                    .isInstanceOfSatisfying(ClockEventRejectedException.class,
                            e -> assertThat(e.reason()).isEqualTo(Reason.EXTENSION_TOO_LATE));
        }

        @Test
        void mayBeNotifiedDuringAnOpenPauseProjectedToTheNoticeDay() {
            ClockReading reading = replay("2024-10-01",
                    "CLARIFICATION_REQUESTED@2024-10-20;EXTENSION_NOTIFIED@2024-11-05")
                    .read(CALENDAR, date("2024-11-05"));

            assertThat(reading.state()).isEqualTo(ClockState.PAUSED);
            assertThat(reading.extended()).isTrue();
            assertThat(reading.pausedDays()).isEqualTo(17);
            assertThat(reading.deadline()).isEqualTo(date("2025-01-20")); // 1 Jan + 17 = Sat 18 Jan
        }
    }

    @Nested
    class Rejections {

        static Stream<Arguments> conflicts() {
            return Stream.of(
                    Arguments.of("IDENTITY_CONFIRMED@2024-10-02", Reason.NOT_STOPPED_FOR_IDENTITY),
                    Arguments.of("FEE_REQUESTED@2024-10-02;IDENTITY_CONFIRMED@2024-10-03",
                            Reason.NOT_STOPPED_FOR_IDENTITY),
                    Arguments.of("FEE_RECEIVED@2024-10-02", Reason.NOT_STOPPED_FOR_FEE),
                    Arguments.of("FEE_REQUESTED@2024-10-02;FEE_RECEIVED@2024-10-03;FEE_RECEIVED@2024-10-04",
                            Reason.NOT_STOPPED_FOR_FEE),
                    Arguments.of("IDENTITY_REQUESTED@2024-10-02;IDENTITY_REQUESTED@2024-10-03",
                            Reason.ALREADY_STOPPED_FOR_IDENTITY),
                    Arguments.of("FEE_REQUESTED@2024-10-02;IDENTITY_REQUESTED@2024-10-02;FEE_REQUESTED@2024-10-03",
                            Reason.ALREADY_STOPPED_FOR_FEE),
                    Arguments.of("AUTHORITY_RECEIVED@2024-10-02", Reason.NOT_STOPPED_FOR_AUTHORITY),
                    Arguments.of("AUTHORITY_REQUESTED@2024-10-02;AUTHORITY_REQUESTED@2024-10-03",
                            Reason.ALREADY_STOPPED_FOR_AUTHORITY),
                    Arguments.of("CLARIFICATION_REQUESTED@2024-10-02;AUTHORITY_REQUESTED@2024-10-03",
                            Reason.ALREADY_PAUSED),
                    Arguments.of("AUTHORITY_REQUESTED@2024-10-02;EXTENSION_NOTIFIED@2024-10-03", Reason.CLOCK_STOPPED),
                    Arguments.of("CLARIFICATION_REQUESTED@2024-10-02;CLARIFICATION_REQUESTED@2024-10-03",
                            Reason.ALREADY_PAUSED),
                    Arguments.of("CLARIFICATION_REQUESTED@2024-10-02;IDENTITY_REQUESTED@2024-10-03",
                            Reason.ALREADY_PAUSED),
                    Arguments.of("CLARIFICATION_REQUESTED@2024-10-02;FEE_REQUESTED@2024-10-03",
                            Reason.ALREADY_PAUSED),
                    Arguments.of("CLARIFICATION_RECEIVED@2024-10-02", Reason.NOT_PAUSED),
                    Arguments.of("IDENTITY_REQUESTED@2024-10-02;CLARIFICATION_RECEIVED@2024-10-03",
                            Reason.NOT_PAUSED),
                    Arguments.of("IDENTITY_REQUESTED@2024-10-02;CLARIFICATION_REQUESTED@2024-10-03",
                            Reason.CLOCK_STOPPED),
                    Arguments.of("FEE_REQUESTED@2024-10-02;EXTENSION_NOTIFIED@2024-10-03", Reason.CLOCK_STOPPED),
                    Arguments.of("EXTENSION_NOTIFIED@2024-10-02;EXTENSION_NOTIFIED@2024-10-03",
                            Reason.ALREADY_EXTENDED),
                    Arguments.of("EXTENSION_NOTIFIED@2024-11-04", Reason.EXTENSION_TOO_LATE),
                    Arguments.of("CLARIFICATION_REQUESTED@2024-10-09;CLARIFICATION_RECEIVED@2024-10-05",
                            Reason.OUT_OF_ORDER),
                    Arguments.of("EXTENSION_NOTIFIED@2024-10-09;IDENTITY_REQUESTED@2024-10-08",
                            Reason.OUT_OF_ORDER));
        }

        @ParameterizedTest(name = "{0} -> {1}")
        @MethodSource("conflicts")
        void rejectsTheLastEvent(String events, Reason reason) {
            List<ClockEvent> all = DeadlineCases.events(events);
            RequestClock before = RequestClock.replay(date("2024-10-01"), all.subList(0, all.size() - 1), CALENDAR);
            ClockEvent last = all.get(all.size() - 1);

            assertThatThrownBy(() -> before.apply(last, CALENDAR))
                    .isInstanceOfSatisfying(ClockEventRejectedException.class,
                            e -> assertThat(e.reason()).isEqualTo(reason))
                    .hasMessageNotContaining("null");
            assertThat(before.events()).hasSize(all.size() - 1);
        }

        @Test
        void everyReasonIsExercised() {
            Set<Reason> exercised = conflicts().map(arguments -> (Reason) arguments.get()[1])
                    .collect(Collectors.toCollection(() -> EnumSet.noneOf(Reason.class)));

            assertThat(exercised).containsExactlyInAnyOrder(Reason.values());
        }

        @Test
        void replayRejectsAsApplyDoes() {
            assertThatThrownBy(() -> replay("2024-10-01", "EXTENSION_NOTIFIED@2024-10-02;EXTENSION_NOTIFIED@2024-10-03"))
                    .isInstanceOfSatisfying(ClockEventRejectedException.class,
                            e -> assertThat(e.reason()).isEqualTo(Reason.ALREADY_EXTENDED));
        }

        @Test
        void eventsOnTheSameDayAreInOrder() {
            ClockReading reading = replay("2024-10-01",
                    "CLARIFICATION_REQUESTED@2024-10-02;CLARIFICATION_RECEIVED@2024-10-02;EXTENSION_NOTIFIED@2024-10-02")
                    .read(CALENDAR, date("2024-10-02"));

            assertThat(reading.extended()).isTrue();
        }

        @Test
        void messagesLeaveOutTheExtensionReason() {
            RequestClock extended = RequestClock.startedOn(date("2024-10-01"))
                    .apply(new ClockEvent(EXTENSION_NOTIFIED, date("2024-10-02"), "Ms Jones sent 40 files"), CALENDAR);
            ClockEvent again = new ClockEvent(EXTENSION_NOTIFIED, date("2024-10-03"), "Ms Jones again");

            assertThatThrownBy(() -> extended.apply(again, CALENDAR)).hasMessageNotContaining("Jones");
            assertThat(extended.toString()).doesNotContain("Jones");
        }
    }
}
