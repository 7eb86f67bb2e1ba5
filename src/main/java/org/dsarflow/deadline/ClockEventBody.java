package org.dsarflow.deadline;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

/** {@code POST /api/requests/{ref}/clock-events}: what happened to the clock, on which day, and why. */
public record ClockEventBody(@NotNull ClockEventKind kind,
                             @Schema(description = "The day it happened: not in the future, not before receipt",
                                     examples = "2025-06-04") @NotNull LocalDate on,
                             @Schema(description = "Required for EXTENSION_NOTIFIED: why the request is complex",
                                     examples = "Data held across several studies") @Size(max = 2000) String reason) {
}
