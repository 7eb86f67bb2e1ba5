package org.dsarflow.process;

/** Names shared between the BPMN model and the code. Variables hold references and outcomes only. */
public final class DsarProcess {

    public static final String KEY = "dsar-request";
    public static final String BPMN_RESOURCE = "bpmn/dsar-request.bpmn";

    /** Variable: the request reference (also the business key). */
    public static final String REQUEST_REFERENCE = "requestReference";
    /** Variable: the deadline as last recorded, an ISO date, or null while the clock is stopped. */
    public static final String DEADLINE = "deadline";

    public static final String CLOCK_EVENT_RECORDED = "ClockEventRecorded";
    public static final String REQUEST_CANCELLED = "RequestCancelled";

    private DsarProcess() {
    }
}
