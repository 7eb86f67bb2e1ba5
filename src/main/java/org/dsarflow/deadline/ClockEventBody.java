package org.dsarflow.deadline;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/** {@code POST /api/requests/{ref}/clock-events}: what happened to the clock, on which day, and why. */
public record ClockEventBody(@NotNull ClockEventKind kind, @NotNull LocalDate on, @Size(max = 2000) String reason) {
}
