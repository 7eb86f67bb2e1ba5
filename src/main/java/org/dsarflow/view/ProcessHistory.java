package org.dsarflow.view;

import java.time.Instant;
import java.util.List;

/** The steps a request's process has taken and is at, from the engine's history: what the diagram marks. */
public interface ProcessHistory {

    /** One activity instance: its BPMN id and when it started and ended (null while it is current). */
    record Step(String activityId, Instant startedAt, Instant endedAt) {
    }

    /** The request's steps in the order they started; a 404 for an unknown request. */
    List<Step> of(String reference);
}
