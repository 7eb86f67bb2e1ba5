package org.dsarflow.intake;

/** CDI event: the DPO cancelled the request (the requester withdrew it); whatever step it is at ends. */
public record RequestCancelled(String reference) {
}
