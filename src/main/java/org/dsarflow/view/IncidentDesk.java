package org.dsarflow.view;

import org.dsarflow.complaint.Complaint;
import org.dsarflow.intake.DsarRequest;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The steps of requests' processes (an email, say) that failed after their last retry and wait for an
 * operator, and the retry that sends them round again. The engine answers; the view and the web pages
 * only ask, so they need nothing of the process package.
 */
public interface IncidentDesk {

    /** An open incident and the request it belongs to; the message names the step and the failure, no personal data. */
    @Schema(description = "An open incident: the failed step and when, never personal data")
    record Open(String id, @Schema(examples = "DSAR-2025-000042") String reference,
                @Schema(examples = "sendEmail") String activity, String message, Instant at) {

        public RequestView.Incident forRequest() {
            return new RequestView.Incident(id, activity, message, at);
        }
    }

    /** Every open incident, oldest first. */
    List<Open> open();

    /** The open incidents of each of these requests, by reference; a request with none is absent. */
    Map<String, List<RequestView.Incident>> of(Collection<String> references);

    /**
     * Gives the failed step of the request's incident its retries back, so the job executor runs it again;
     * audited. A 404 for an unknown request, or when it has no such open incident.
     */
    DsarRequest retry(String reference, String incidentId);

    /** As {@link #retry}, for a complaint's incident: a 404 for an unknown complaint or no such open incident of it. */
    Complaint retryComplaint(String reference, String incidentId);
}
