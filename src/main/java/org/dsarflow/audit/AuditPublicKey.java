package org.dsarflow.audit;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The public half of the checkpoint signing key, to verify a checkpoint's signature with. */
public record AuditPublicKey(
        @Schema(examples = "Ed25519") String algorithm,
        @Schema(description = "X.509 SubjectPublicKeyInfo, DER in base64") String publicKey,
        @Schema(description = "The same as PEM, for openssl pkeyutl -verify -pubin") String pem) {
}
