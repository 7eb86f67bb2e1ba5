package org.dsarflow.decision;

/** Which of a study's phases a decision was taken on. */
public enum PhaseBasis {
    /** The phase on the request's receipt date: what the controller had to do when it received the request. */
    AT_RECEIPT,
    /** Today's phase: the receipt-date phase is unknown, or the study has since deleted all personal data. */
    TODAY,
    /** Several studies matched, decided on different bases. */
    MIXED
}
