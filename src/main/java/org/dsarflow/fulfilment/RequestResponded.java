package org.dsarflow.fulfilment;

/** CDI event: the request is closed as fulfilled or refused, and the requester is to be sent the response. */
public record RequestResponded(String reference) {
}
