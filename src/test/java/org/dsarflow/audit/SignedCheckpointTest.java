package org.dsarflow.audit;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dsarflow.Api.anonymous;
import static org.dsarflow.Api.auditor;
import static org.dsarflow.Api.logRequest;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/** Checkpoints signed under a configured key, whose public half anyone may fetch to check them. */
@QuarkusTest
@TestProfile(SignedCheckpointTest.Signed.class)
public class SignedCheckpointTest {

    /** A signing key, and a real SMTP server for the checkpoint email (CheckpointEmailTest runs on this profile too). */
    public static class Signed implements QuarkusTestProfile {
        public static final int SMTP_PORT = freePort();
        public static final String DPO_MAILBOX = "dpo-mailbox@example.org";

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "dsar.audit.signing-key", SigningKeyTest.PEM,
                    "quarkus.mailer.mock", "false",
                    "quarkus.mailer.host", "127.0.0.1",
                    "quarkus.mailer.port", Integer.toString(SMTP_PORT),
                    "quarkus.mailer.start-tls", "DISABLED",
                    "dsar.mail.dpo-mailbox", DPO_MAILBOX,
                    "dsar.mail.organisation", "Example Research Trust");
        }

        private static int freePort() {
            try (ServerSocket socket = new ServerSocket(0)) {
                return socket.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Test
    void aCheckpointIsSignedAndItsSignatureVerifiesUnderThePublicKeyForThoseFieldsOnly() throws Exception {
        logRequest("ACCESS", "2025-03-10");
        Map<String, Object> checkpoint = auditor().get("/api/audit/checkpoint").then().statusCode(200)
                .body("signed", equalTo(true)).extract().jsonPath().getMap("$");
        long seq = ((Number) checkpoint.get("seq")).longValue();
        String hash = (String) checkpoint.get("hash");
        Instant at = Instant.parse((String) checkpoint.get("at"));
        byte[] signature = Base64.getDecoder().decode((String) checkpoint.get("signature"));

        // Public: fetched without an account, and whatever credentials come with the call.
        String der = anonymous().get("/api/audit/public-key").then().statusCode(200)
                .body("algorithm", equalTo("Ed25519"))
                .body("publicKey", equalTo(SigningKeyTest.PUBLIC_DER_BASE64))
                .body("pem", startsWith("-----BEGIN PUBLIC KEY-----\n" + SigningKeyTest.PUBLIC_DER_BASE64))
                .extract().path("publicKey");
        anonymous().auth().preemptive().basic("auditor", "wrong").get("/api/audit/public-key").then().statusCode(200);
        PublicKey key = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(der)));

        assertThat(verifies(key, AuditCheckpoint.statement(seq, hash, at), signature)).isTrue();
        assertThat(new String(AuditCheckpoint.statement(seq, hash, at), StandardCharsets.UTF_8))
                .isEqualTo("dsarflow-audit-checkpoint:" + seq + ":" + hash + ":" + checkpoint.get("at"));
        assertThat(verifies(key, AuditCheckpoint.statement(seq + 1, hash, at), signature)).isFalse();
        assertThat(verifies(key, AuditCheckpoint.statement(seq, hash.replace(hash.charAt(0), hash.charAt(0) == 'a' ? 'b' : 'a'),
                at), signature)).isFalse();
        assertThat(verifies(key, AuditCheckpoint.statement(seq, hash, at.plusSeconds(1)), signature)).isFalse();
    }

    private static boolean verifies(PublicKey key, byte[] statement, byte[] signature) throws Exception {
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(key);
        verifier.update(statement);
        return verifier.verify(signature);
    }
}
