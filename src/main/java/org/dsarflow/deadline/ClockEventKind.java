package org.dsarflow.deadline;

import java.util.Arrays;
import java.util.List;

/** What happened to a request's statutory clock, as recorded by the DPO. */
public enum ClockEventKind {
    IDENTITY_REQUESTED,
    IDENTITY_CONFIRMED,
    FEE_REQUESTED,
    FEE_RECEIVED,
    /** A representative is asked for their authority to act for the subject: the clock stops as for identity. */
    AUTHORITY_REQUESTED,
    /** Recorded with the authority itself (POST /api/requests/{ref}/authority), never on its own. */
    AUTHORITY_RECEIVED,
    CLARIFICATION_REQUESTED,
    CLARIFICATION_RECEIVED,
    EXTENSION_NOTIFIED;

    /** The kinds the DPO records as clock events, in this order: all but what comes with the authority. */
    public static List<ClockEventKind> recordedOnTheirOwn() {
        return Arrays.stream(values()).filter(kind -> kind != AUTHORITY_RECEIVED).toList();
    }
}
