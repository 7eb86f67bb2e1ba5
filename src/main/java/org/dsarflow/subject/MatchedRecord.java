package org.dsarflow.subject;

import jakarta.persistence.Embeddable;

/** A subject record the request was matched to. */
@Embeddable
public record MatchedRecord(String studyKey, String subjectRef) {
}
