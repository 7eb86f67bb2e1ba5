package org.dsarflow.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.dsarflow.shared.Roles;
import org.jboss.resteasy.reactive.RestPath;
import org.dsarflow.audit.AuditEntry;
import org.dsarflow.audit.AuditTrail;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.List;

/** A request's history: every audit entry of it, in order, with the BPMN activity it happened in. */
@Tag(name = "Requests")
@Path("/api/requests/{reference}/history")
@Produces(MediaType.APPLICATION_JSON)
public class HistoryResource {

    private final AuditTrail trail;
    private final ObjectMapper json;

    HistoryResource(AuditTrail trail, ObjectMapper json) {
        this.trail = trail;
        this.json = json;
    }

    /** One event in a request's (or a complaint's) history, its detail as a JSON object. */
    public record HistoryEvent(long seq, Instant at, String actor, String action, String activity, JsonNode detail) {

        static HistoryEvent of(AuditEntry entry, ObjectMapper json) {
            try {
                return new HistoryEvent(entry.seq(), entry.at(), entry.actor(), entry.action(), entry.activity(),
                        json.readTree(entry.detail()));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("An audit entry's detail is not JSON", e);
            }
        }
    }

    @Operation(summary = "A request's history", description = "Every audit entry of the request, in order, each with "
            + "the BPMN activity it happened in. The details hold references, states, dates and counts, never "
            + "personal data.")
    @APIResponse(responseCode = "200", description = "The entries, oldest first")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @GET
    @RolesAllowed({Roles.DPO, Roles.AUDITOR})
    public List<HistoryEvent> history(@Parameter(description = "The request's reference", example = "DSAR-2025-000042")
                                      @RestPath String reference) {
        return trail.history(reference).stream().map(e -> HistoryEvent.of(e, json)).toList();
    }
}
