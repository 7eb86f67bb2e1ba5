package org.dsarflow.intake;

/** CDI event, fired in the transaction that logged the request: its process instance starts there too. */
public record RequestLogged(String reference) {
}
