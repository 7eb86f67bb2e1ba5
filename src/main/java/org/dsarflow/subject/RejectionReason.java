package org.dsarflow.subject;

/**
 * Why a registry row was rejected, as a stable code: an import's record keeps the code and the line,
 * never the row's values, so it holds no personal data.
 */
public enum RejectionReason {
    /** The file could not be parsed from this line on; the rest was not read. */
    MALFORMED("the file is malformed from here on; the rest was not read"),
    /** The row could not be read into fields (wrong number of fields, wrong JSON types). */
    UNREADABLE("the row could not be read into fields"),
    VALUE_TOO_LONG("a value is too long"),
    NUL_CHARACTER("a value has a NUL character"),
    INVALID_SUBJECT_REF("the subjectRef is missing or malformed"),
    INVALID_CATEGORY("the category is missing or malformed"),
    NO_HOLDING("the row names no holding"),
    UNKNOWN_HOLDING("the row names a holding the study does not have"),
    INVALID_NAME("an identifier or attribute name is not a plain name"),
    INVALID_IDENTIFIER("an identifier is not valid"),
    NO_COMPLETE_SCHEME("no identifier scheme of the study is complete"),
    REPEATED_SUBJECT_REF("the subjectRef repeats an earlier line's"),
    /** Restriction (Art. 18) stops processing: the record is left as it is. */
    RESTRICTED("the record is restricted by a data-subject request and was left as it is");

    private final String description;

    RejectionReason(String description) {
        this.description = description;
    }

    /** A sentence for people, naming no value. */
    public String description() {
        return description;
    }
}
