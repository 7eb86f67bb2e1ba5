package org.dsarflow.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.stream.Stream;
import org.dsarflow.deadline.DeadlineCases.DeadlineCase;
import org.dsarflow.intake.RequestType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class DeadlineCasesTest {

    private static final BankHolidayCalendar CALENDAR = Calendars.englandAndWales();

    static Stream<DeadlineCase> cases() {
        return DeadlineCases.load().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void deadlineMatchesWorkedCase(DeadlineCase c) {
        RequestClock clock = RequestClock.replay(c.receiptDate(), RequestType.valueOf(c.type()), c.events(), CALENDAR);

        ClockReading reading = clock.read(CALENDAR, c.expectedDeadline());

        assertThat(reading.deadline()).as("%s: %s", c.id(), c.note()).isEqualTo(c.expectedDeadline());
    }

    @Test
    void everyRowIsLoaded() {
        assertThat(DeadlineCases.load())
                .hasSizeGreaterThanOrEqualTo(30)
                .allSatisfy(c -> {
                    assertThat(c.id()).isNotBlank();
                    assertThat(c.expectedDeadline()).isNotNull();
                    assertThat(CALENDAR.covers(c.expectedDeadline())).isTrue();
                });
    }

    /** Each type either side of 5 February 2026, when Article 12A took effect. */
    @Test
    void everyTypeIsWorkedEitherSideOfArticle12A() {
        var boundary = DeadlineCases.load().stream()
                .filter(c -> c.receiptDate().equals(LocalDate.of(2026, 2, 4))
                        || c.receiptDate().equals(LocalDate.of(2026, 2, 5)))
                .toList();
        assertThat(boundary).hasSizeGreaterThanOrEqualTo(12);
        for (RequestType type : RequestType.values()) {
            assertThat(boundary).as(type.name())
                    .filteredOn(c -> c.type().equals(type.name()))
                    .extracting(DeadlineCase::receiptDate)
                    .contains(LocalDate.of(2026, 2, 4), LocalDate.of(2026, 2, 5));
        }
    }

    @Test
    void csvReaderHandlesQuotedCommasDoubledQuotesAndLineBreaks() {
        String csv = "id,receivedAt,type,events,expectedDeadline,note\r\n"
                + "X1,2024-09-03,ACCESS,,2024-10-03,\"a, b \"\"quoted\"\"\nnext line\"\r\n"
                + "\r\n"
                + "X2,2024-09-04T00:15:00+01:00,ACCESS,FEE_REQUESTED@2024-09-05;FEE_RECEIVED@2024-09-06,,\n";

        var cases = DeadlineCases.parse(csv);

        assertThat(cases).extracting(DeadlineCase::id).containsExactly("X1", "X2");
        assertThat(cases.get(0).note()).isEqualTo("a, b \"quoted\"\nnext line");
        assertThat(cases.get(1).events()).extracting(ClockEvent::kind)
                .containsExactly(ClockEventKind.FEE_REQUESTED, ClockEventKind.FEE_RECEIVED);
        assertThat(cases.get(1).expectedDeadline()).isNull();
        assertThat(cases.get(1).receiptDate()).hasToString("2024-09-04");
        assertThat(cases.get(1).receivedAtInstant()).hasToString("2024-09-03T23:15:00Z");
    }
}
