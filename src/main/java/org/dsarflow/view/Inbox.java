package org.dsarflow.view;

import org.dsarflow.intake.RequestStatus;
import org.dsarflow.intake.RequestType;

/** The DPO inbox: every open user task and incident, each with its request's deadline, soonest first. */
public interface Inbox {

    /**
     * Which tasks to show: of requests or of complaints, and by their request's status, type or study (which
     * no complaint has, so any of them leaves the complaints out); a null field does not filter.
     */
    record Filter(InboxTask.Kind kind, RequestStatus status, RequestType type, String studyKey) {

        public static final Filter NONE = new Filter(null, null, null, null);

        public boolean keepsRequests() {
            return kind != InboxTask.Kind.COMPLAINT;
        }

        public boolean keepsComplaints() {
            return kind != InboxTask.Kind.REQUEST && status == null && type == null && studyKey == null;
        }
    }

    TaskPage open(Filter filter, int page, int size);

    default TaskPage open(int page, int size) {
        return open(Filter.NONE, page, size);
    }
}
