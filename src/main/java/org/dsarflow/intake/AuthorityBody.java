package org.dsarflow.intake;

import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

/** {@code POST /api/requests/{ref}/authority}: the evidence that the requester may act for the subject. */
public record AuthorityBody(
        @NotNull AuthorityEvidence evidence,
        @Schema(description = "The day it arrived: not in the future, not before the request", examples = "2025-06-09")
        @NotNull LocalDate receivedOn) {
}
