package org.dsarflow.complaint;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** A reminder after the set time without progress, then every 14 days until there is some. */
class ProgressReminderTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final Period AFTER = Period.ofDays(30);
    private static final Instant RECEIVED = Instant.parse("2026-07-01T10:00:00Z");

    private static Clock at(String instant) {
        return Clock.fixed(Instant.parse(instant), ZoneOffset.UTC);
    }

    @Test
    void firstReminderWhenTheSetTimeHasPassedWithoutProgress() {
        assertThat(ProgressReminder.due(RECEIVED, null, AFTER, at("2026-07-30T08:00:00Z"), LONDON)).isFalse();
        assertThat(ProgressReminder.due(RECEIVED, null, AFTER, at("2026-07-31T08:00:00Z"), LONDON)).isTrue();
    }

    @Test
    void thenEveryFourteenDaysCountedFromTheLastReminderDay() {
        Instant reminded = Instant.parse("2026-07-31T08:00:05Z");
        assertThat(ProgressReminder.due(RECEIVED, reminded, AFTER, at("2026-08-01T08:00:00Z"), LONDON)).isFalse();
        assertThat(ProgressReminder.due(RECEIVED, reminded, AFTER, at("2026-08-13T08:00:00Z"), LONDON)).isFalse();
        // The daily check runs a little before the time of day the last reminder went: still due.
        assertThat(ProgressReminder.due(RECEIVED, reminded, AFTER, at("2026-08-14T08:00:00Z"), LONDON)).isTrue();
    }

    @Test
    void anUpdateStartsTheWaitAgain() {
        Instant reminded = Instant.parse("2026-07-31T08:00:05Z");
        Instant updated = Instant.parse("2026-08-05T12:00:00Z");
        assertThat(ProgressReminder.due(updated, reminded, AFTER, at("2026-08-14T08:00:00Z"), LONDON)).isFalse();
        assertThat(ProgressReminder.due(updated, reminded, AFTER, at("2026-09-03T08:00:00Z"), LONDON)).isFalse();
        assertThat(ProgressReminder.due(updated, reminded, AFTER, at("2026-09-04T08:00:00Z"), LONDON)).isTrue();
    }
}
