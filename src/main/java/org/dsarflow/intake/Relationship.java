package org.dsarflow.intake;

/** How the requester stands to the data subject they act for (ICO: requests made on behalf of others). */
public enum Relationship {
    PARENT_OR_GUARDIAN,
    LEGAL_REPRESENTATIVE,
    ATTORNEY,
    OTHER_AUTHORISED
}
