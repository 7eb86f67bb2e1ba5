package org.dsarflow.decision;

/** Whom the response to a request goes to: the requester, or the data subject a representative asked for. */
public enum ResponseRecipient {
    REQUESTER,
    SUBJECT
}
