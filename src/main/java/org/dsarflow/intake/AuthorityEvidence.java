package org.dsarflow.intake;

/** What shows that a requester may act for the data subject. */
public enum AuthorityEvidence {
    SIGNED_AUTHORITY,
    PARENTAL_RESPONSIBILITY,
    LASTING_POWER_OF_ATTORNEY,
    COURT_ORDER
}
