package org.dsarflow.decision;

/**
 * Why a request was refused: UK GDPR Art. 12(5), manifestly unfounded or excessive, the only grounds on which
 * the subject's own request may be refused outright; or, for a request made for someone else, that the
 * requester has shown no authority to act for them (a competent child did not agree, say).
 */
public enum RefusalReason {
    MANIFESTLY_UNFOUNDED, MANIFESTLY_EXCESSIVE, NO_AUTHORITY_TO_ACT
}
