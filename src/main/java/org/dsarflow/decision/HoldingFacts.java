package org.dsarflow.decision;

import org.dsarflow.subject.Custody;
import org.dsarflow.subject.DataSource;
import org.dsarflow.subject.Identifiability;

/** What the decision table needs to know of a holding. */
public record HoldingFacts(String key, String location, Custody custody, Identifiability identifiability,
                           DataSource source) {
}
