package org.dsarflow.subject;

import java.util.List;

/** What a registry import did: rejected rows are named by line, with the problem but never the value. */
public record ImportReport(long created, long updated, List<Rejection> rejected) {

    public record Rejection(long line, String problem) {
    }
}
