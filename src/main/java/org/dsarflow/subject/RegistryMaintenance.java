package org.dsarflow.subject;

import jakarta.enterprise.context.ApplicationScoped;
import org.dsarflow.subject.identity.DirectIdentifiers;
import org.dsarflow.subject.identity.IdentifierHasher;
import org.dsarflow.subject.identity.IdentifierScheme;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Carries a decision out on the registry's own copy of a subject record: erasing, pseudonymising,
 * restricting and rectifying it. Runs inside the caller's transaction.
 */
@ApplicationScoped
public class RegistryMaintenance {

    private final IdentifierHasher hasher;

    RegistryMaintenance(IdentifierHasher hasher) {
        this.hasher = hasher;
    }

    public Optional<SubjectRecord> record(String studyKey, String subjectRef) {
        return SubjectRecord.find("studyKey = ?1 and subjectRef = ?2", studyKey, subjectRef).firstResultOptional();
    }

    /**
     * Erases the subject's data in {@code holdings}. When nothing of the record is kept elsewhere the
     * whole record goes, with its attributes and lookup hashes; otherwise the holdings leave it, and so
     * do its raw identifiers once no remaining holding really holds them.
     */
    public void erase(SubjectRecord record, Set<String> holdings, boolean keptElsewhere) {
        if (!keptElsewhere) {
            SubjectLookup.delete("subjectId", record.id);
            record.delete();
            return;
        }
        record.holdings.removeAll(holdings);
        boolean identifiersHeld = Holding.<Holding>list("studyKey", record.studyKey).stream()
                .filter(h -> record.holdings.contains(h.key))
                .anyMatch(Holding::holdsRawIdentifiers);
        if (!identifiersHeld) {
            record.attributes.keySet().removeIf(DirectIdentifiers::isRawIdentifier);
        }
    }

    /**
     * Keeps the research attributes under the subjectRef and deletes everything that identifies or
     * reaches the person: raw identifiers, contact attributes, and the lookup hashes, which would
     * otherwise still link the record to anyone holding the key.
     */
    public void pseudonymise(SubjectRecord record) {
        record.attributes.keySet().removeIf(DirectIdentifiers::isDirect);
        SubjectLookup.delete("subjectId", record.id);
    }

    public void restrict(SubjectRecord record, String reference) {
        record.restrictedBy = reference;
    }

    /** Lifts the restrictions {@code reference} placed; answers how many records were restricted. */
    public long liftRestrictions(String reference) {
        return SubjectRecord.update("restrictedBy = null where restrictedBy = ?1", reference);
    }

    /**
     * Applies corrections. A corrected identifier replaces its raw copy, if one is kept, and the lookup
     * hash of every scheme it belongs to whose other values are known (kept, supplied with the request,
     * or corrected too); any other name is a research attribute, corrected or completed.
     */
    public void rectify(SubjectRecord record, Map<String, String> changes, Map<String, String> supplied) {
        Study study = Study.findById(record.studyKey);
        List<IdentifierScheme> schemes = study.identifierSchemes.stream().map(IdentifierScheme::of).toList();
        Set<String> identifierKeys = new TreeSet<>();
        schemes.forEach(scheme -> identifierKeys.addAll(scheme.keys()));
        Map<String, String> known = new HashMap<>(supplied);
        record.attributes.forEach((name, value) -> {
            if (DirectIdentifiers.isRawIdentifier(name)) {
                known.put(name.substring(DirectIdentifiers.RAW_IDENTIFIER_PREFIX.length()), value);
            }
        });
        boolean identifierChanged = false;
        for (Map.Entry<String, String> change : changes.entrySet()) {
            String value = change.getValue().strip();
            if (identifierKeys.contains(change.getKey())) {
                identifierChanged = true;
                known.put(change.getKey(), value);
                record.attributes.computeIfPresent(DirectIdentifiers.RAW_IDENTIFIER_PREFIX + change.getKey(),
                        (name, old) -> value);
            } else {
                record.attributes.put(change.getKey(), value);
            }
        }
        if (!identifierChanged) {
            return;
        }
        for (IdentifierScheme scheme : schemes) {
            if (scheme.keys().stream().noneMatch(changes::containsKey)) {
                continue;
            }
            hasher.lookupHash(scheme, known).ifPresent(hash -> {
                SubjectLookup lookup = SubjectLookup.findById(new SubjectLookup.Key(record.id, scheme.name()));
                if (lookup == null) {
                    lookup = new SubjectLookup();
                    lookup.subjectId = record.id;
                    lookup.scheme = scheme.name();
                    lookup.lookupHash = hash;
                    lookup.persist();
                } else {
                    lookup.lookupHash = hash;
                }
            });
        }
    }
}
