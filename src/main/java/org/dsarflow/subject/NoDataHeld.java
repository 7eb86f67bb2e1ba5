package org.dsarflow.subject;

/** CDI event: the DPO closed a request whose subject could not be located: we hold no data about them. */
public record NoDataHeld(String reference) {
}
