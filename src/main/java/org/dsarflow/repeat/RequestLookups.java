package org.dsarflow.repeat;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.dsarflow.intake.DsarRequest;
import org.dsarflow.intake.PersonalDataDeleted;
import org.dsarflow.intake.RequestLogged;
import org.dsarflow.subject.IdentifiersReceived;
import org.dsarflow.subject.Study;
import org.dsarflow.shared.DsarConfig;
import org.dsarflow.subject.identity.IdentifierHasher;
import org.dsarflow.subject.identity.IdentifierNormaliser;
import org.dsarflow.subject.identity.IdentifierScheme;
import org.dsarflow.subject.identity.InvalidIdentifierException;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Keeps each request's lookup hashes: at intake, when more identifiers arrive, and until retention deletes
 * the request's personal data, when they go with it. The hashes are made as the registry's lookup's are (the
 * same normaliser and schemes, under a key of their own), with the requester's email under the {@code email} scheme.
 */
@ApplicationScoped
class RequestLookups {

    private static final IdentifierScheme EMAIL = IdentifierScheme.of(List.of(IdentifierNormaliser.EMAIL));

    private final IdentifierHasher hasher;

    /**
     * Keyed apart from the registry's lookup (its own key, derived from DSAR_IDENTIFIER_KEY), so a request's
     * hashes never equal a registry record's: an erasure deletes those, and nothing of the request's joins to
     * a record imported later.
     */
    RequestLookups(DsarConfig config) {
        this.hasher = IdentifierHasher.fromSecret("request-lookups:" + config.identifierKey());
    }

    void onLogged(@Observes RequestLogged logged) {
        record(DsarRequest.require(logged.reference()));
    }

    void onIdentifiersReceived(@Observes IdentifiersReceived received) {
        record(DsarRequest.require(received.reference()));
    }

    void onPersonalDataDeleted(@Observes PersonalDataDeleted deleted) {
        RequestLookup.delete("requestId", deleted.requestId());
    }

    private void record(DsarRequest request) {
        Set<String> kept = new LinkedHashSet<>(RequestLookup.<RequestLookup>list("requestId", request.id).stream()
                .map(lookup -> lookup.lookupHash).toList());
        hashes(request).forEach((hash, scheme) -> {
            if (kept.add(hash)) {
                RequestLookup.of(request.id, hash, scheme).persist();
            }
        });
    }

    /** Each hash of the request, with the scheme it is of. */
    private Map<String, String> hashes(DsarRequest request) {
        Map<String, String> hashes = new LinkedHashMap<>();
        if (request.requester != null && request.requester.email != null) {
            hash(EMAIL, Map.of(IdentifierNormaliser.EMAIL, request.requester.email), hashes);
        }
        Set<IdentifierScheme> schemes = new LinkedHashSet<>();
        schemes.add(EMAIL);
        Study.<Study>listAll().forEach(study -> study.identifierSchemes.forEach(keys -> schemes.add(IdentifierScheme.of(keys))));
        schemes.forEach(scheme -> hash(scheme, request.identifiers, hashes));
        return hashes;
    }

    private void hash(IdentifierScheme scheme, Map<String, String> identifiers, Map<String, String> into) {
        try {
            hasher.lookupHash(scheme, identifiers).ifPresent(hash -> into.putIfAbsent(hash, scheme.name()));
        } catch (InvalidIdentifierException e) {
            // A value the scheme cannot read (a date that is no date) matches nothing; locating says so.
        }
    }
}
