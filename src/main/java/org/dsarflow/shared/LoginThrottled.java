package org.dsarflow.shared;

/**
 * A built-in account's logins are throttled after repeated failures. Fired asynchronously: the refused
 * login neither waits for its audit entry nor holds a transaction.
 */
public record LoginThrottled(String account) {
}
