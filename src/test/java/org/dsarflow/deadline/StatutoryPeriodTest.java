package org.dsarflow.deadline;

import org.dsarflow.intake.Receipt;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StatutoryPeriodTest {

    @ParameterizedTest(name = "{0} + 1 month = {1}")
    @CsvSource({
        "2024-09-03, 2024-10-03",
        "2024-01-31, 2024-02-29",
        "2023-01-31, 2023-02-28",
        "2024-01-30, 2024-02-29",
        "2024-03-31, 2024-04-30",
        "2024-12-31, 2025-01-31",
        "2024-02-29, 2024-03-29"
    })
    void oneMonthIsTheCorrespondingDateOrTheMonthsLastDay(LocalDate start, LocalDate end) {
        assertThat(StatutoryPeriod.oneMonthFrom(start)).isEqualTo(end);
    }

    @ParameterizedTest(name = "{0} + 3 months = {1}")
    @CsvSource({
        "2023-11-30, 2024-02-29",
        "2022-11-30, 2023-02-28",
        "2024-01-31, 2024-04-30",
        "2024-09-03, 2024-12-03"
    })
    void threeMonthsIsTheCorrespondingDateOrTheMonthsLastDay(LocalDate start, LocalDate end) {
        assertThat(StatutoryPeriod.threeMonthsFrom(start)).isEqualTo(end);
    }

    @Test
    void threeMonthsIsOneStepNotThreeSingleMonths() {
        LocalDate start = LocalDate.of(2024, 1, 31);
        LocalDate stepwise = StatutoryPeriod.oneMonthFrom(
                StatutoryPeriod.oneMonthFrom(StatutoryPeriod.oneMonthFrom(start)));

        assertThat(stepwise).isEqualTo(LocalDate.of(2024, 4, 29));
        assertThat(StatutoryPeriod.threeMonthsFrom(start)).isEqualTo(LocalDate.of(2024, 4, 30));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "2024-09-03T22:59:00Z, 2024-09-03",  // 23:59 BST
        "2024-09-03T23:15:00Z, 2024-09-04",  // 00:15 BST, still 3 Sep in UTC
        "2025-02-28T23:59:00Z, 2025-02-28",  // 23:59 GMT
        "2024-03-31T00:30:00Z, 2024-03-31",  // 00:30 GMT, before the clocks go forward
        "2024-10-26T23:30:00Z, 2024-10-27"   // 00:30 BST on the night the clocks go back
    })
    void receiptDateIsTheLondonDateWhateverTheHour(Instant receivedAt, LocalDate receiptDate) {
        assertThat(Receipt.parse(receivedAt.toString(), ZoneId.of("Europe/London")).on()).isEqualTo(receiptDate);
    }
}
