package org.dsarflow.intake;

import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;

/** When a closed request's personal data is due for deletion: its close, plus the retention period, has passed. */
public final class ClosedRequestRetention {

    private ClosedRequestRetention() {
    }

    /** Requests closed before the instant returned are due: the period counts in calendar terms in {@code zone}. */
    public static Instant closedBefore(Clock clock, ZoneId zone, Period retention) {
        return clock.instant().atZone(zone).minus(retention).toInstant();
    }
}
