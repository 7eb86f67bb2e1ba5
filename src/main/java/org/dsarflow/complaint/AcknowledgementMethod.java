package org.dsarflow.complaint;

/** How the acknowledgement reached the complainant: the email step sent it, or the DPO posted one. */
public enum AcknowledgementMethod {
    EMAIL, POST
}
