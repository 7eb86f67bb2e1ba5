package org.dsarflow.intake;

import java.time.LocalDate;

/** A request's clock as the deadline rules last read it, as the request keeps it for listing and filtering. */
public record RecordedClock(ClockState state, LocalDate startedOn, LocalDate deadline, boolean extended,
                            int pausedDays) {
}
