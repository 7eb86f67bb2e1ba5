package org.dsarflow.subject;

/** How the identifiers supplied with a request matched the registry. */
public enum MatchStatus {
    /** One person: one record, or one record in each of several studies. */
    UNIQUE,
    /** Several people in one study fit what was supplied: more identifiers are needed. */
    AMBIGUOUS,
    NOT_FOUND
}
