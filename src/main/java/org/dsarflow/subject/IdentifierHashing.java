package org.dsarflow.subject;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.dsarflow.shared.DsarConfig;
import org.dsarflow.subject.identity.IdentifierHasher;

/** The keyed hasher of identifiers, under the secret DSAR_IDENTIFIER_KEY; without it the service does not start. */
@ApplicationScoped
public class IdentifierHashing {

    @Produces
    @ApplicationScoped
    IdentifierHasher hasher(DsarConfig config) {
        return IdentifierHasher.fromSecret(config.identifierKey());
    }
}
