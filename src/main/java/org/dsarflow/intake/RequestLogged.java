package org.dsarflow.intake;

/**
 * CDI event, fired in the transaction that logged the request: its process instance starts there too.
 * The type and channel are what the request metrics count by.
 */
public record RequestLogged(String reference, RequestType type, Channel channel) {
}
