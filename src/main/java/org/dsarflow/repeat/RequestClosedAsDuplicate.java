package org.dsarflow.repeat;

/** CDI event: the DPO closed the request as a duplicate of an open one; its handling ends and the requester is told. */
public record RequestClosedAsDuplicate(String reference, String duplicateOf) {
}
