package org.dsarflow.intake;

import java.util.List;

public enum RequestStatus {
    RECEIVED, AWAITING_IDENTITY, AWAITING_AUTHORITY, AWAITING_FEE, AWAITING_CLARIFICATION, IN_PROGRESS, AWAITING_REVIEW,
    COMPLETED, REFUSED, CANCELLED;

    private static final List<RequestStatus> CLOSED = List.of(COMPLETED, REFUSED, CANCELLED);

    public static List<RequestStatus> closed() {
        return CLOSED;
    }

    public boolean isClosed() {
        return CLOSED.contains(this);
    }
}
