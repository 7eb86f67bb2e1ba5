package org.dsarflow.intake;

/** The data-subject rights a request can exercise (UK GDPR Arts. 15-18, 20, 21 and 7(3)). */
public enum RequestType {
    ACCESS, RECTIFICATION, ERASURE, RESTRICTION, OBJECTION, PORTABILITY, CONSENT_WITHDRAWAL
}
