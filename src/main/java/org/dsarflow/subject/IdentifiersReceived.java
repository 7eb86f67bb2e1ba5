package org.dsarflow.subject;

/** CDI event: more identifiers arrived for a request whose subject was not located; it is located again. */
public record IdentifiersReceived(String reference) {
}
