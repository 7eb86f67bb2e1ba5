package org.dsarflow.subject;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import org.dsarflow.shared.DsarConfig;
import org.dsarflow.subject.identity.IdentifierHasher;

import java.nio.charset.StandardCharsets;

/**
 * The keyed hasher of identifiers, under the secret DSAR_IDENTIFIER_KEY. Without it, or with one shorter
 * than 32 bytes, the service does not start: a weak key would otherwise be found only at the first lookup.
 */
@ApplicationScoped
public class IdentifierHashing {

    static final int MINIMUM_KEY_BYTES = 32;

    void refuseWeakKey(@Observes StartupEvent start, DsarConfig config) {
        requireStrongKey(config.identifierKey());
    }

    @Produces
    @ApplicationScoped
    IdentifierHasher hasher(DsarConfig config) {
        return IdentifierHasher.fromSecret(config.identifierKey());
    }

    /** Says which variable to set and how long, never the key itself. */
    static void requireStrongKey(String key) {
        int bytes = key == null ? 0 : key.getBytes(StandardCharsets.UTF_8).length;
        if (bytes < MINIMUM_KEY_BYTES) {
            throw new IllegalStateException("DSAR_IDENTIFIER_KEY (dsar.identifier-key) must be at least "
                    + MINIMUM_KEY_BYTES + " bytes; the one given has " + bytes);
        }
    }
}
