package org.dsarflow.audit;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * The audit log's head at one moment, signed when a signing key is configured: kept outside the database,
 * it lets an auditor show later that the log still extends it (GET /api/audit/verify?checkpoint=seq:hash).
 */
public record AuditCheckpoint(
        @Schema(description = "The last entry's seq") long seq,
        @Schema(description = "The last entry's SHA-256 hash, hex") String hash,
        @Schema(description = "When the checkpoint was taken, to the second") Instant at,
        @Schema(description = "Ed25519 over the statement \"dsarflow-audit-checkpoint:{seq}:{hash}:{at}\" (UTF-8), "
                + "base64; null when unsigned") String signature,
        @Schema(description = "Whether a signing key is configured (DSAR_AUDIT_SIGNING_KEY)") boolean signed) {

    /** What is signed: the three fields as this record writes them, at in ISO-8601 UTC. */
    public static byte[] statement(long seq, String hash, Instant at) {
        return ("dsarflow-audit-checkpoint:" + seq + ":" + hash + ":" + at).getBytes(StandardCharsets.UTF_8);
    }
}
