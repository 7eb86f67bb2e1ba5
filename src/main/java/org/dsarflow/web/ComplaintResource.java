package org.dsarflow.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import org.dsarflow.complaint.ComplaintService;
import org.dsarflow.complaint.ComplaintStatus;
import org.dsarflow.complaint.LogComplaintBody;
import org.dsarflow.complaint.OutcomeBody;
import org.dsarflow.complaint.PostedAcknowledgementBody;
import org.dsarflow.complaint.ProgressUpdateBody;
import org.dsarflow.shared.InvalidInputException;
import org.dsarflow.shared.Problem;
import org.dsarflow.shared.ProblemMapper;
import org.dsarflow.shared.Roles;
import org.dsarflow.view.ComplaintPage;
import org.dsarflow.view.ComplaintQueryService;
import org.dsarflow.view.ComplaintReport;
import org.dsarflow.view.ComplaintView;
import org.dsarflow.view.IncidentDesk;
import org.dsarflow.view.ProcessHistory;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.dsarflow.shared.QueryParameters.bool;
import static org.dsarflow.shared.QueryParameters.date;
import static org.dsarflow.shared.QueryParameters.enumValue;
import static org.dsarflow.shared.QueryParameters.integer;

/** Data protection complaints (DPA 2018 s.164A): logging, acknowledgement, progress, outcome, and the counts. */
@Tag(name = "Complaints")
@Path("/api/complaints")
@Produces(MediaType.APPLICATION_JSON)
public class ComplaintResource {

    private static final CsvSchema REPORT_COLUMNS = CsvSchema.builder()
            .addColumn("measure").addColumn("value").build().withHeader();

    private final ComplaintService complaints;
    private final ComplaintQueryService queries;
    private final IncidentDesk incidents;
    private final ProcessHistory process;
    private final SecurityIdentity identity;
    private final ObjectMapper json;

    ComplaintResource(ComplaintService complaints, ComplaintQueryService queries, IncidentDesk incidents,
                      ProcessHistory process, SecurityIdentity identity, ObjectMapper json) {
        this.complaints = complaints;
        this.incidents = incidents;
        this.process = process;
        this.queries = queries;
        this.identity = identity;
        this.json = json;
    }

    @Operation(summary = "Log a complaint", description = "Logs a complaint about the use of personal data and starts "
            + "its process: the acknowledgement goes at once, and is due within 30 days beginning with the receipt day. "
            + "The reference is CMP-<year>-<6 digits>. With an Idempotency-Key, a retry of the same body answers the "
            + "complaint the first attempt logged (200).")
    @APIResponse(responseCode = "201", description = "Logged; Location names the new complaint",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ComplaintView.class)))
    @APIResponse(responseCode = "200", description = "A replay: the complaint logged earlier under this Idempotency-Key",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ComplaintView.class)))
    @APIResponse(responseCode = "400", ref = "InvalidInput")
    @APIResponse(responseCode = "409", description = "The Idempotency-Key was used for a different body",
            content = @Content(mediaType = ProblemMapper.PROBLEM_JSON, schema = @Schema(implementation = Problem.class),
                    examples = {
                            @ExampleObject(name = "IDEMPOTENCY_KEY_REUSED", ref = "IDEMPOTENCY_KEY_REUSED"),
                            @ExampleObject(name = "CONCURRENT_CHANGE", ref = "CONCURRENT_CHANGE")}))
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.DPO)
    public Response log(@NotNull @Valid LogComplaintBody body,
                        @Parameter(description = "Makes retries safe: the same key and body log one complaint",
                                example = "complaint-form-0815")
                        @RestHeader(ComplaintService.IDEMPOTENCY_KEY) String idempotencyKey,
                        UriInfo uri) {
        ComplaintService.Logged logged = complaints.log(body, idempotencyKey, actor());
        ComplaintView view = queries.view(logged.complaint().reference, false);
        Response.ResponseBuilder response = logged.replayed() ? Response.ok() : Response.status(Response.Status.CREATED);
        return response.location(uri.getAbsolutePathBuilder().path(view.reference()).build()).entity(view).build();
    }

    @Operation(summary = "List complaints", description = "Soonest acknowledgement due first. Auditors see no "
            + "contact details, summaries or notes.")
    @APIResponse(responseCode = "200", description = "One page of complaints")
    @APIResponse(responseCode = "400", ref = "InvalidInput")
    @GET
    @RolesAllowed({Roles.DPO, Roles.AUDITOR})
    public ComplaintPage list(@Parameter(description = "Only complaints of this status", example = "ACKNOWLEDGED",
                                      schema = @Schema(implementation = ComplaintStatus.class)) @RestQuery String status,
                              @Parameter(description = "true: only those not acknowledged by their due date; false: "
                                      + "only the others", schema = @Schema(type = SchemaType.BOOLEAN))
                              @RestQuery String ackOverdue,
                              @Parameter(description = "Only complaints about this request", example = "DSAR-2026-000042")
                              @RestQuery String about,
                              @Parameter(description = "Page number, from 0", example = "0") @RestQuery String page,
                              @Parameter(description = "Page size, 1 to 200 (20 unless given)", example = "20")
                              @RestQuery String size) {
        return queries.list(new ComplaintQueryService.Filter(
                enumValue("status", status, ComplaintStatus.class).orElse(null),
                bool("ackOverdue", ackOverdue).orElse(null),
                about == null || about.isBlank() ? null : about.strip(),
                integer("page", page, 0, 0, Integer.MAX_VALUE),
                integer("size", size, 20, 1, 200)), auditorOnly());
    }

    @Operation(summary = "The complaints report (s.164B)", description = "Counts of the complaints received from `from` "
            + "to `to` (receipt dates, both included), as they stand today: received; acknowledged within 30 days, late "
            + "or not yet; open; closed by outcome; the median days to an outcome (withdrawals left out).")
    @APIResponse(responseCode = "200", description = "The counts",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ComplaintReport.class)),
                    @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING),
                            example = "measure,value\nreceived,12\n")})
    @APIResponse(responseCode = "400", ref = "InvalidInput")
    @GET
    @Path("/report")
    @Produces({MediaType.APPLICATION_JSON, "text/csv"})
    @RolesAllowed({Roles.DPO, Roles.AUDITOR})
    public Response report(@Parameter(description = "First receipt date counted (ISO)", example = "2026-06-19")
                           @RestQuery String from,
                           @Parameter(description = "Last receipt date counted (ISO)", example = "2026-12-31")
                           @RestQuery String to,
                           @Parameter(description = "json (the default) or csv", example = "csv")
                           @RestQuery String format) {
        ExportFormat chosen = ExportFormat.of(format);
        ComplaintReport report = queries.report(required("from", from), required("to", to));
        Object body = switch (chosen) {
            case JSON -> report;
            case CSV -> (StreamingOutput) out -> {
                // Strict: quoted only where needed, however long the measure's name.
                try (SequenceWriter rows = new CsvMapper().enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING)
                        .writer(REPORT_COLUMNS).writeValues(out)) {
                    for (List<Object> row : rows(report)) {
                        rows.write(row);
                    }
                }
            };
        };
        return Response.ok(body, chosen.mediaType())
                .header("Content-Disposition", chosen.contentDisposition("complaints-" + report.from() + "-" + report.to()))
                .build();
    }

    @Operation(summary = "A complaint", description = "Its status, acknowledgement, updates and outcome, and the "
            + "request it is about. Auditors see no contact details, summary, notes or outcome text.")
    @APIResponse(responseCode = "200", description = "The complaint")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @GET
    @Path("/{reference}")
    @RolesAllowed({Roles.DPO, Roles.AUDITOR})
    public ComplaintView view(@Parameter(description = "The complaint's reference", example = "CMP-2026-000007")
                              @RestPath String reference) {
        return queries.view(reference, auditorOnly());
    }

    @Operation(summary = "A complaint's history", description = "Every audit entry of the complaint, in order, each "
            + "with the BPMN activity it happened in; the details hold no personal data.")
    @APIResponse(responseCode = "200", description = "The entries, oldest first")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @GET
    @Path("/{reference}/history")
    @RolesAllowed({Roles.DPO, Roles.AUDITOR})
    public List<HistoryResource.HistoryEvent> history(@Parameter(description = "The complaint's reference",
            example = "CMP-2026-000007") @RestPath String reference) {
        return queries.history(reference).stream().map(e -> HistoryResource.HistoryEvent.of(e, json)).toList();
    }

    @Operation(summary = "A complaint's process steps", description = "The activity instances of the complaint's "
            + "dsar-complaint process from the engine's history, in the order they started, with start and end (no "
            + "end while current): what the diagram marks. Activity ids and times only.")
    @APIResponse(responseCode = "200", description = "The steps; empty when the complaint has no process history")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @GET
    @Path("/{reference}/process")
    @RolesAllowed({Roles.DPO, Roles.AUDITOR})
    public List<ProcessHistory.Step> process(@Parameter(description = "The complaint's reference",
            example = "CMP-2026-000007") @RestPath String reference) {
        return process.ofComplaint(reference);
    }

    @Operation(summary = "Record a progress update", description = "An enquiry made or progress to report; emailed "
            + "to the complainant when tellComplainant is true. Reminders to the DPO mailbox count from the last update.")
    @APIResponse(responseCode = "200", description = "The complaint, with the update")
    @APIResponse(responseCode = "400", ref = "InvalidInput")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", description = "The complaint is closed",
            content = @Content(mediaType = ProblemMapper.PROBLEM_JSON, schema = @Schema(implementation = Problem.class),
                    examples = {
                            @ExampleObject(name = "COMPLAINT_CLOSED", ref = "COMPLAINT_CLOSED"),
                            @ExampleObject(name = "CONCURRENT_CHANGE", ref = "CONCURRENT_CHANGE")}))
    @POST
    @Path("/{reference}/updates")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.DPO)
    public ComplaintView update(@Parameter(description = "The complaint's reference", example = "CMP-2026-000007")
                                @RestPath String reference, @NotNull @Valid ProgressUpdateBody body) {
        return queries.view(complaints.update(reference, body, actor()).reference, false);
    }

    @Operation(summary = "Record an acknowledgement sent by post", description = "For a complainant without an email "
            + "address: the DPO posted the acknowledgement on sentOn, which meets the duty to acknowledge.")
    @APIResponse(responseCode = "200", description = "The complaint, acknowledged")
    @APIResponse(responseCode = "400", ref = "InvalidInput")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", description = "The complaint is closed, or was acknowledged already",
            content = @Content(mediaType = ProblemMapper.PROBLEM_JSON, schema = @Schema(implementation = Problem.class),
                    examples = {
                            @ExampleObject(name = "COMPLAINT_CLOSED", ref = "COMPLAINT_CLOSED"),
                            @ExampleObject(name = "COMPLAINT_ACKNOWLEDGED", ref = "COMPLAINT_ACKNOWLEDGED"),
                            @ExampleObject(name = "CONCURRENT_CHANGE", ref = "CONCURRENT_CHANGE")}))
    @POST
    @Path("/{reference}/acknowledgement")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.DPO)
    public ComplaintView acknowledgement(@Parameter(description = "The complaint's reference",
            example = "CMP-2026-000007") @RestPath String reference, @NotNull @Valid PostedAcknowledgementBody body) {
        return queries.view(complaints.recordPostedAcknowledgement(reference, body, actor()).reference, false);
    }

    @Operation(summary = "Give the outcome", description = "Closes the complaint and emails the outcome, with the right "
            + "to complain to the ICO; WITHDRAWN closes it as the complainant asked.")
    @APIResponse(responseCode = "200", description = "The complaint, CLOSED")
    @APIResponse(responseCode = "400", ref = "InvalidInput")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", description = "The complaint is closed already",
            content = @Content(mediaType = ProblemMapper.PROBLEM_JSON, schema = @Schema(implementation = Problem.class),
                    examples = {
                            @ExampleObject(name = "COMPLAINT_CLOSED", ref = "COMPLAINT_CLOSED"),
                            @ExampleObject(name = "CONCURRENT_CHANGE", ref = "CONCURRENT_CHANGE")}))
    @POST
    @Path("/{reference}/outcome")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.DPO)
    public ComplaintView outcome(@Parameter(description = "The complaint's reference", example = "CMP-2026-000007")
                                 @RestPath String reference, @NotNull @Valid OutcomeBody body) {
        return queries.view(complaints.outcome(reference, body, actor()).reference, false);
    }

    @Operation(summary = "Retry a complaint's failed step", description = "Gives the incident's failed job (an email "
            + "that never went, say) its retries back, so the job executor runs it again; audited as INCIDENT_RETRIED.")
    @APIResponse(responseCode = "200", description = "The complaint; the step runs again shortly")
    @APIResponse(responseCode = "404", ref = "NotFound",
            description = "Unknown complaint, or no such open incident of it")
    @POST
    @Path("/{reference}/incidents/{incidentId}/retry")
    @RolesAllowed(Roles.DPO)
    public ComplaintView retry(@Parameter(description = "The complaint's reference", example = "CMP-2026-000007")
                               @RestPath String reference,
                               @Parameter(description = "The incident's id, from GET /api/incidents or GET /api/tasks")
                               @RestPath String incidentId) {
        return queries.view(incidents.retryComplaint(reference, incidentId).reference, false);
    }

    private static LocalDate required(String name, String value) {
        return date(name, value).orElseThrow(() -> new InvalidInputException(name, name + " is required (an ISO date)"));
    }

    private static List<List<Object>> rows(ComplaintReport report) {
        List<List<Object>> rows = new ArrayList<>(List.of(
                List.of("from", report.from().toString()),
                List.of("to", report.to().toString()),
                List.of("received", report.received()),
                List.of("acknowledgedWithinThirtyDays", report.acknowledged().withinThirtyDays()),
                List.of("acknowledgedLate", report.acknowledged().late()),
                List.of("acknowledgedNotYet", report.acknowledged().notYet()),
                List.of("open", report.open())));
        report.closedByOutcome().forEach((outcome, count) -> rows.add(List.of("closed:" + outcome, count)));
        rows.add(List.of("medianDaysToOutcome", report.medianDaysToOutcome() == null ? "" : report.medianDaysToOutcome()));
        return rows;
    }

    private boolean auditorOnly() {
        return !identity.hasRole(Roles.DPO);
    }

    private String actor() {
        return identity.getPrincipal().getName();
    }
}
