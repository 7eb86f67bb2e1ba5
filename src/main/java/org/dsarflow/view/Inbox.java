package org.dsarflow.view;

import org.dsarflow.intake.RequestStatus;
import org.dsarflow.intake.RequestType;

/** The DPO inbox: every open user task and incident, each with its request's deadline, soonest first. */
public interface Inbox {

    /** Which tasks to show, by their request's status, type or study; a null field does not filter. */
    record Filter(RequestStatus status, RequestType type, String studyKey) {

        public static final Filter NONE = new Filter(null, null, null);
    }

    TaskPage open(Filter filter, int page, int size);

    default TaskPage open(int page, int size) {
        return open(Filter.NONE, page, size);
    }
}
