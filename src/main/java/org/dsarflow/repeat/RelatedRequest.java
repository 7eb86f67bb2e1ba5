package org.dsarflow.repeat;

import org.dsarflow.intake.RequestStatus;
import org.dsarflow.intake.RequestType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

/** An earlier request from the same person: one of its lookup hashes equals one of this request's. */
public record RelatedRequest(@Schema(examples = "DSAR-2026-000007") String reference, RequestType type,
                             RequestStatus status, LocalDate receivedOn) {
}
