package org.dsarflow.deadline;

import org.dsarflow.deadline.ClockEventRejectedException.Reason;
import org.dsarflow.intake.ClockState;
import org.dsarflow.intake.RequestType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.dsarflow.deadline.ClockEventKind.CLARIFICATION_RECEIVED;
import static org.dsarflow.deadline.ClockEventKind.CLARIFICATION_REQUESTED;
import static org.dsarflow.deadline.ClockEventKind.EXTENSION_NOTIFIED;
import static org.dsarflow.deadline.ClockEventKind.IDENTITY_REQUESTED;

class StatutoryRegimeTest {

    private static final BankHolidayCalendar CALENDAR = Calendars.englandAndWales();
    private static final LocalDate DAY_BEFORE = LocalDate.of(2026, 2, 4);
    private static final LocalDate COMMENCEMENT = LocalDate.of(2026, 2, 5);

    private static ClockEvent event(ClockEventKind kind, String on) {
        return ClockEvent.of(kind, LocalDate.parse(on));
    }

    @Test
    void theReceiptDateChoosesTheRegime() {
        assertThat(StatutoryRegime.forReceipt(LocalDate.of(2020, 12, 1))).isEqualTo(StatutoryRegime.ARTICLE_12);
        assertThat(StatutoryRegime.forReceipt(DAY_BEFORE)).isEqualTo(StatutoryRegime.ARTICLE_12);
        assertThat(StatutoryRegime.forReceipt(COMMENCEMENT)).isEqualTo(StatutoryRegime.ARTICLE_12A);
        assertThat(StatutoryRegime.forReceipt(LocalDate.of(2030, 1, 1))).isEqualTo(StatutoryRegime.ARTICLE_12A);
        assertThat(StatutoryRegime.forReceipt(LocalDate.of(2010, 1, 1))).isEqualTo(StatutoryRegime.ARTICLE_12);
    }

    @Test
    void theSummaryNamesTheRulesAndTheirFirstDay() {
        assertThat(StatutoryRegime.ARTICLE_12A.summary())
                .isEqualTo(new StatutoryRegime.Summary("ARTICLE_12A",
                        "UK GDPR Article 12A (Data (Use and Access) Act 2025, s.76)", COMMENCEMENT));
        assertThat(StatutoryRegime.ARTICLE_12.since()).isBefore(COMMENCEMENT);
    }

    @ParameterizedTest
    @EnumSource(RequestType.class)
    void beforeArticle12AEveryClarificationPauses(RequestType type) {
        assertThat(StatutoryRegime.ARTICLE_12.clarificationPauses(type)).isTrue();
        assertThat(StatutoryRegime.ARTICLE_12.clarificationNote(type)).isNull();
    }

    @ParameterizedTest
    @EnumSource(value = RequestType.class, names = "ACCESS", mode = EnumSource.Mode.EXCLUDE)
    void underArticle12AOnlyAccessPauses(RequestType type) {
        assertThat(StatutoryRegime.ARTICLE_12A.clarificationPauses(RequestType.ACCESS)).isTrue();
        assertThat(StatutoryRegime.ARTICLE_12A.clarificationPauses(type)).isFalse();
        assertThat(StatutoryRegime.ARTICLE_12A.clarificationNote(type)).contains("Art 12A(5)");
    }

    @Test
    void aNonAccessClarificationUnderArticle12AIsRecordedButTheClockRuns() {
        RequestClock clock = RequestClock.startedOn(COMMENCEMENT, RequestType.ERASURE)
                .apply(event(CLARIFICATION_REQUESTED, "2026-02-06"), CALENDAR);

        ClockReading reading = clock.read(CALENDAR, LocalDate.parse("2026-02-20"));

        assertThat(clock.events()).hasSize(1);
        assertThat(reading.state()).isEqualTo(ClockState.RUNNING);
        assertThat(reading.pausedDays()).isZero();
        assertThat(reading.pausedSince()).isNull();
        assertThat(reading.deadline()).isEqualTo("2026-03-05");
        assertThat(reading.regime()).isEqualTo(StatutoryRegime.ARTICLE_12A);
        assertThat(reading.note()).contains("Art 12A(5)");
    }

    @Test
    void theSameClarificationBeforeArticle12APausesWithoutANote() {
        ClockReading reading = RequestClock.startedOn(DAY_BEFORE, RequestType.ERASURE)
                .apply(event(CLARIFICATION_REQUESTED, "2026-02-06"), CALENDAR)
                .read(CALENDAR, LocalDate.parse("2026-02-06"));

        assertThat(reading.state()).isEqualTo(ClockState.PAUSED);
        assertThat(reading.regime()).isEqualTo(StatutoryRegime.ARTICLE_12);
        assertThat(reading.note()).isNull();
    }

    @Test
    void anAccessRequestUnderArticle12AStillPauses() {
        ClockReading reading = RequestClock.startedOn(COMMENCEMENT, RequestType.ACCESS)
                .apply(event(CLARIFICATION_REQUESTED, "2026-02-06"), CALENDAR)
                .read(CALENDAR, LocalDate.parse("2026-02-06"));

        assertThat(reading.state()).isEqualTo(ClockState.PAUSED);
        assertThat(reading.note()).isNull();
    }

    @Test
    void aRunningClarificationIsStillKeptInOrder() {
        RequestClock asked = RequestClock.startedOn(COMMENCEMENT, RequestType.OBJECTION)
                .apply(event(CLARIFICATION_REQUESTED, "2026-02-06"), CALENDAR);

        assertThatThrownBy(() -> asked.apply(event(CLARIFICATION_REQUESTED, "2026-02-07"), CALENDAR))
                .isInstanceOfSatisfying(ClockEventRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.ALREADY_PAUSED));
        RequestClock answered = asked.apply(event(CLARIFICATION_RECEIVED, "2026-02-08"), CALENDAR);
        assertThatThrownBy(() -> answered.apply(event(CLARIFICATION_RECEIVED, "2026-02-09"), CALENDAR))
                .isInstanceOfSatisfying(ClockEventRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.NOT_PAUSED));
        assertThat(answered.read(CALENDAR, LocalDate.parse("2026-02-09")).note()).contains("Art 12A(5)");
    }

    @Test
    void identityMayBeAskedWhileANonAccessClarificationIsOpen() {
        ClockReading reading = RequestClock.startedOn(COMMENCEMENT, RequestType.RECTIFICATION)
                .apply(event(CLARIFICATION_REQUESTED, "2026-02-06"), CALENDAR)
                .apply(event(IDENTITY_REQUESTED, "2026-02-07"), CALENDAR)
                .read(CALENDAR, LocalDate.parse("2026-02-08"));

        assertThat(reading.state()).isEqualTo(ClockState.STOPPED);
    }

    /** Art 12A(4), (5)(b): the extension is notified within one month of the relevant time, paused days not counted. */
    @Test
    void theExtensionNoticeWindowGrowsOnlyByDaysThatPaused() {
        String asked = "2026-02-10";
        String answered = "2026-02-20";
        RequestClock access = RequestClock.startedOn(COMMENCEMENT, RequestType.ACCESS)
                .apply(event(CLARIFICATION_REQUESTED, asked), CALENDAR)
                .apply(event(CLARIFICATION_RECEIVED, answered), CALENDAR);
        RequestClock restriction = RequestClock.startedOn(COMMENCEMENT, RequestType.RESTRICTION)
                .apply(event(CLARIFICATION_REQUESTED, asked), CALENDAR)
                .apply(event(CLARIFICATION_RECEIVED, answered), CALENDAR);

        assertThat(access.apply(event(EXTENSION_NOTIFIED, "2026-03-16"), CALENDAR)
                .read(CALENDAR, LocalDate.parse("2026-03-16")).deadline()).isEqualTo("2026-05-18");
        assertThatThrownBy(() -> restriction.apply(event(EXTENSION_NOTIFIED, "2026-03-06"), CALENDAR))
                .isInstanceOfSatisfying(ClockEventRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.EXTENSION_TOO_LATE));
    }
}
