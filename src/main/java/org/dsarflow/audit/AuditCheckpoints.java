package org.dsarflow.audit;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import org.dsarflow.shared.DsarConfig;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Optional;

/**
 * Signed checkpoints of the audit log. The signing key comes from the configuration, never the database,
 * so someone who can rewrite the database cannot sign a checkpoint of the rewritten log. Without a key the
 * checkpoints are unsigned; a key that is set but unreadable stops start-up.
 */
@ApplicationScoped
@Startup
public class AuditCheckpoints {

    private final AuditTrail trail;
    private final Clock clock;
    private final Optional<SigningKey> key;

    AuditCheckpoints(AuditTrail trail, Clock clock, DsarConfig config) {
        this.trail = trail;
        this.clock = clock;
        this.key = config.audit().signingKey().map(SigningKey::parse);
    }

    /** The head as it stands now, signed if a key is configured. */
    public AuditCheckpoint current() {
        AuditTrail.Head head = trail.head();
        Instant at = Instant.now(clock).truncatedTo(ChronoUnit.SECONDS);
        String signature = key.map(k -> Base64.getEncoder()
                .encodeToString(k.sign(AuditCheckpoint.statement(head.seq(), head.hash(), at)))).orElse(null);
        return new AuditCheckpoint(head.seq(), head.hash(), at, signature, key.isPresent());
    }

    /** The public key checkpoints are signed under; empty when they are unsigned. */
    public Optional<AuditPublicKey> publicKey() {
        return key.map(k -> {
            byte[] der = k.publicKey().getEncoded();
            String pem = "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, new byte[]{'\n'}).encodeToString(der)
                    + "\n-----END PUBLIC KEY-----\n";
            return new AuditPublicKey(SigningKey.ALGORITHM, Base64.getEncoder().encodeToString(der), pem);
        });
    }
}
