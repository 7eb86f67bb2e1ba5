package org.dsarflow.decision;

/** One proposed action, its legal basis, and a plain-English explanation the response can use. */
public record Proposal(Action action, String basis, String explanation) {
}
