package org.dsarflow.complaint;

import org.dsarflow.intake.Receipt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** s.164A: the last day of the 30 days beginning with the receipt day, never moved to a working day. */
class AcknowledgementDeadlineTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    @ParameterizedTest(name = "received {0}: due {1}")
    @CsvSource({
            "2026-06-01, 2026-06-30",   // the statute's example: 1 June, the 30 days end on 30 June
            "2026-06-19, 2026-07-18",   // the day s.164A came into force
            "2026-01-31, 2026-03-01",   // across a 28-day February
            "2028-01-31, 2028-02-29",   // across a leap February
            "2028-02-29, 2028-03-29",   // received on a leap day
            "2026-02-01, 2026-03-02",
            "2026-12-15, 2027-01-13",   // across the year end
            "2026-07-04, 2026-08-02",   // due on a Sunday: it stays there
            "2026-07-27, 2026-08-25"    // due on a bank holiday (August 2026 is the 31st): no roll either way
    })
    void dueOnTheLastOfThirtyDaysBeginningWithTheReceiptDay(LocalDate receivedOn, LocalDate due) {
        assertThat(new AcknowledgementDeadline(receivedOn).due()).isEqualTo(due);
        assertThat(new AcknowledgementDeadline(receivedOn).escalatesOn()).isEqualTo(due.minusDays(5));
    }

    @ParameterizedTest(name = "received {0}: London date {1}")
    @CsvSource({
            "2026-03-28T23:30:00Z, 2026-03-28, 2026-04-26",         // GMT: UTC is London time
            "2026-03-29T00:30:00Z, 2026-03-29, 2026-04-27",         // the night the clocks go forward
            "2026-06-30T23:30:00Z, 2026-07-01, 2026-07-30",         // BST: 00:30 on 1 July in London
            "2026-10-24T23:30:00Z, 2026-10-25, 2026-11-23",         // BST still, the night the clocks go back
            "2026-10-25T23:30:00Z, 2026-10-25, 2026-11-23",         // GMT again
            "2026-07-01T00:15:00+01:00, 2026-07-01, 2026-07-30",
            "2026-07-01, 2026-07-01, 2026-07-30"                    // a date alone is that day
    })
    void theReceiptDayIsTheLondonDateOfTheReceipt(String receivedAt, LocalDate receivedOn, LocalDate due) {
        Receipt receipt = Receipt.parse(receivedAt, LONDON);
        assertThat(receipt.on()).isEqualTo(receivedOn);
        assertThat(new AcknowledgementDeadline(receipt.on()).due()).isEqualTo(due);
    }

    @Test
    void metInTimeUpToAndIncludingTheLastDay() {
        AcknowledgementDeadline deadline = new AcknowledgementDeadline(LocalDate.of(2026, 6, 1));
        assertThat(deadline.metInTime(LocalDate.of(2026, 6, 1))).isTrue();
        assertThat(deadline.metInTime(LocalDate.of(2026, 6, 30))).isTrue();
        assertThat(deadline.metInTime(LocalDate.of(2026, 7, 1))).isFalse();
        assertThat(deadline.metInTime(null)).isFalse();
    }

    @Test
    void overdueFromTheDayAfterTheLastDayInLondonUntilAcknowledged() {
        AcknowledgementDeadline deadline = new AcknowledgementDeadline(LocalDate.of(2026, 6, 1));
        // 23:30 UTC on 30 June is 00:30 on 1 July in London: overdue there, though not yet by UTC.
        Clock justAfter = Clock.fixed(Instant.parse("2026-06-30T23:30:00Z"), ZoneOffset.UTC);
        Clock lastEvening = Clock.fixed(Instant.parse("2026-06-30T22:30:00Z"), ZoneOffset.UTC);
        assertThat(deadline.overdue(null, justAfter, LONDON)).isTrue();
        assertThat(deadline.overdue(null, lastEvening, LONDON)).isFalse();
        assertThat(deadline.overdue(LocalDate.of(2026, 7, 1), justAfter, LONDON)).isFalse();
    }
}
