package org.dsarflow.web;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.dsarflow.shared.DsarConfig;
import org.dsarflow.shared.InvalidInputException;
import org.dsarflow.shared.Roles;
import org.dsarflow.shared.SpreadsheetSafeCsv;
import org.dsarflow.shared.UnknownResourceException;
import org.jboss.resteasy.reactive.RestQuery;
import org.dsarflow.audit.AuditCheckpoint;
import org.dsarflow.audit.AuditCheckpoints;
import org.dsarflow.audit.AuditEntry;
import org.dsarflow.audit.AuditPublicKey;
import org.dsarflow.audit.AuditTrail;
import org.dsarflow.audit.KeptCheckpoint;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/** The auditors' API: the log's export, its integrity check and its signed checkpoints. */
@Tag(name = "Audit")
@Path("/api/audit")
public class AuditResource {

    private static final CsvSchema CSV_COLUMNS = CsvSchema.builder()
            .addColumn("seq").addColumn("at").addColumn("actor").addColumn("requestRef").addColumn("action")
            .addColumn("activity").addColumn("detail").addColumn("prevHash").addColumn("hash")
            .build().withHeader();

    /** The default end of an export: later than any entry, and still a date every database can compare. */
    private static final Instant LATEST = Instant.parse("9999-12-31T00:00:00Z");

    private final AuditTrail trail;
    private final AuditCheckpoints checkpoints;
    private final ObjectMapper json;
    private final DsarConfig config;

    AuditResource(AuditTrail trail, AuditCheckpoints checkpoints, ObjectMapper json, DsarConfig config) {
        this.trail = trail;
        this.checkpoints = checkpoints;
        this.json = json;
        this.config = config;
    }

    @Operation(summary = "Verify the audit log", description = "Walks the SHA-256 hash chain from the first entry, "
            + "compares its end with the head and names the first broken link, if any. With a checkpoint kept "
            + "earlier, also whether the log still extends it: TRUNCATED when the log no longer reaches its entry, "
            + "REWRITTEN when that entry's hash differs.")
    @APIResponse(responseCode = "200", description = "Whether the chain is intact")
    @APIResponse(responseCode = "400", ref = "InvalidInput")
    @GET
    @Path("/verify")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.AUDITOR)
    public AuditTrail.Verification verify(@Parameter(description = "A checkpoint kept earlier, as seq:hash",
            example = "1204:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08")
                                          @RestQuery String checkpoint) {
        return trail.verify(checkpoint == null ? null : KeptCheckpoint.parse(checkpoint));
    }

    @Operation(summary = "A checkpoint of the audit log", description = "The last entry's seq and hash as of now, "
            + "signed with Ed25519 when DSAR_AUDIT_SIGNING_KEY is set. Keep it outside the service, and later ask "
            + "/api/audit/verify?checkpoint=seq:hash whether the log still extends it.")
    @APIResponse(responseCode = "200", description = "The checkpoint")
    @GET
    @Path("/checkpoint")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.AUDITOR)
    public AuditCheckpoint checkpoint() {
        return checkpoints.current();
    }

    /**
     * Public: a public key is no secret, and whoever holds a checkpoint from the DPO mailbox (an external
     * auditor, the ICO) can check its signature without an account here. It comes from the configuration, not
     * the database; a verifier keeps a copy from the time it was set rather than trust a later answer.
     */
    @Operation(summary = "The checkpoints' public key", description = "The Ed25519 key checkpoint signatures "
            + "verify under, as base64 DER and PEM; 404 when checkpoints are unsigned.")
    @APIResponse(responseCode = "200", description = "The public key")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @GET
    @Path("/public-key")
    @Produces(MediaType.APPLICATION_JSON)
    @PermitAll
    public AuditPublicKey publicKey() {
        return checkpoints.publicKey().orElseThrow(() -> new UnknownResourceException(
                "Audit checkpoints are unsigned: no signing key is configured (DSAR_AUDIT_SIGNING_KEY)."));
    }

    /** {@code from} and {@code to} are ISO dates (local to the service's time zone) or date-times with offset. */
    @Operation(summary = "Export the audit log", description = "Every entry from `from` (inclusive) to `to` "
            + "(exclusive), streamed, in sequence order, as a download.")
    @APIResponse(responseCode = "200", description = "The entries",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = AuditEntry.class)),
                    @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING),
                            example = "seq,at,actor,requestRef,action,activity,detail,prevHash,hash\n")})
    @APIResponse(responseCode = "400", ref = "InvalidInput")
    @GET
    @Path("/events")
    @Produces({MediaType.APPLICATION_JSON, "text/csv"})
    @RolesAllowed(Roles.AUDITOR)
    public Response events(@Parameter(description = "An ISO date (in the service's time zone) or a date-time with "
                                   + "offset; the start of the log unless given", example = "2026-01-01")
                           @RestQuery String from,
                           @Parameter(description = "Like from, exclusive; the end of the log unless given",
                                   example = "2026-02-01T00:00:00Z") @RestQuery String to,
                           @Parameter(description = "json (the default) or csv", example = "csv")
                           @RestQuery String format) {
        Instant start = instant("from", from, Instant.EPOCH);
        Instant end = instant("to", to, LATEST);
        if (!end.isAfter(start)) {
            throw new InvalidInputException("to", "to must be after from");
        }
        ExportFormat chosen = ExportFormat.of(format);
        StreamingOutput body = switch (chosen) {
            case JSON -> out -> {
                try (JsonGenerator generator = json.getFactory().createGenerator(out)) {
                    generator.writeStartArray();
                    trail.export(start, end, entry -> write(generator, entry));
                    generator.writeEndArray();
                }
            };
            case CSV -> out -> {
                try (SequenceWriter rows = SpreadsheetSafeCsv.rows(CSV_COLUMNS,
                        new OutputStreamWriter(out, StandardCharsets.UTF_8))) {
                    trail.export(start, end, entry -> write(rows, entry));
                }
            };
        };
        return Response.ok(body, chosen.mediaType())
                .header("Content-Disposition", chosen.contentDisposition("audit-events"))
                .build();
    }

    private Instant instant(String name, String value, Instant fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        String text = value.strip();
        try {
            return text.length() == 10
                    ? LocalDate.parse(text).atStartOfDay(config.timeZone()).toInstant()
                    : OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(name, name + " must be an ISO date or a date-time with offset");
        }
    }

    private static void write(JsonGenerator generator, AuditEntry entry) {
        try {
            generator.writeStartObject();
            generator.writeNumberField("seq", entry.seq());
            generator.writeStringField("at", entry.at().toString());
            generator.writeStringField("actor", entry.actor());
            generator.writeStringField("requestRef", entry.requestRef());
            generator.writeStringField("action", entry.action());
            generator.writeStringField("activity", entry.activity());
            generator.writeFieldName("detail");
            generator.writeRawValue(entry.detail());
            generator.writeStringField("prevHash", entry.prevHash());
            generator.writeStringField("hash", entry.hash());
            generator.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(SequenceWriter rows, AuditEntry entry) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("seq", entry.seq());
        row.put("at", entry.at().toString());
        row.put("actor", entry.actor());
        row.put("requestRef", entry.requestRef());
        row.put("action", entry.action());
        row.put("activity", entry.activity());
        row.put("detail", entry.detail());
        row.put("prevHash", entry.prevHash());
        row.put("hash", entry.hash());
        try {
            rows.write(row);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
