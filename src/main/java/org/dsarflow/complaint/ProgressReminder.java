package org.dsarflow.complaint;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;

/**
 * When the DPO mailbox is reminded of an open complaint: once it has gone {@code after} (the setting
 * dsar.complaints.reminder-after) without progress, then every {@value #REPEAT_DAYS} days until there is some.
 * Progress is the receipt, or the last update recorded. Counted in local dates, as the daily check runs at a
 * fixed hour: a reminder sent a little after one check is due again at the check {@value #REPEAT_DAYS} days on.
 */
public final class ProgressReminder {

    public static final int REPEAT_DAYS = 14;

    private ProgressReminder() {
    }

    /** Whether a reminder is due today in {@code zone}. */
    public static boolean due(Instant lastProgressAt, Instant remindedAt, Period after, Clock clock, ZoneId zone) {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        if (remindedAt == null || remindedAt.isBefore(lastProgressAt)) {
            return !today.isBefore(lastProgressAt.atZone(zone).toLocalDate().plus(after));
        }
        return !today.isBefore(remindedAt.atZone(zone).toLocalDate().plusDays(REPEAT_DAYS));
    }
}
