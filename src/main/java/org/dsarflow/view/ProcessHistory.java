package org.dsarflow.view;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/** The steps a request's or a complaint's process has taken and is at, from the engine's history: what the diagram marks. */
public interface ProcessHistory {

    /** One activity instance: its BPMN id and when it started and ended (null while it is current). */
    record Step(@Schema(examples = "reviewDecision") String activityId, Instant startedAt,
                @Schema(description = "null while the activity is current") Instant endedAt) {
    }

    /** The request's steps in the order they started; a 404 for an unknown request. */
    List<Step> of(String reference);

    /** The complaint's steps in the order they started; a 404 for an unknown complaint. */
    List<Step> ofComplaint(String reference);
}
