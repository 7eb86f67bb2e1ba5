package org.dsarflow.intake;

import jakarta.persistence.Embeddable;

/** A subject record the request was matched to. */
@Embeddable
public record MatchedRecord(String studyKey, String subjectRef) {
}
