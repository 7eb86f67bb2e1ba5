package org.dsarflow.subject;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.dsarflow.subject.identity.IdentifierHasher;
import org.dsarflow.subject.identity.IdentifierScheme;
import org.dsarflow.subject.identity.InvalidIdentifierException;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Finds the person a request is about: hashes what was supplied under each scheme of the studies in
 * question, then asks the lookup index for those hashes in one indexed query.
 */
@ApplicationScoped
public class SubjectLocator {

    private final IdentifierHasher hasher;
    private final EntityManager entityManager;

    SubjectLocator(IdentifierHasher hasher, EntityManager entityManager) {
        this.hasher = hasher;
        this.entityManager = entityManager;
    }

    public record Match(MatchStatus status, List<MatchedRecord> candidates) {
    }

    /** Within a transaction: the studies named, or every study when none is. */
    public Match locate(Map<String, String> identifiers, Collection<String> studyKeys) {
        List<Study> studies = studyKeys.isEmpty()
                ? Study.listAll()
                : Study.list("key in ?1", studyKeys);
        Set<String> hashes = new HashSet<>();
        for (Study study : studies) {
            for (List<String> keys : study.identifierSchemes) {
                try {
                    hasher.lookupHash(IdentifierScheme.of(keys), identifiers).ifPresent(hashes::add);
                } catch (InvalidIdentifierException e) {
                    // A value that cannot be normalised (an impossible date) locates no one by that scheme.
                }
            }
        }
        if (hashes.isEmpty()) {
            return new Match(MatchStatus.NOT_FOUND, List.of());
        }
        // Two index-driven steps, so no optimiser can choose to scan a study's subjects: the hashes
        // through their index, then the few subjects they name by primary key.
        Map<Long, List<String>> schemesBySubject = new HashMap<>();
        entityManager.createQuery("select l.subjectId, l.scheme from SubjectLookup l where l.lookupHash in :hashes",
                        Object[].class)
                .setParameter("hashes", hashes)
                .getResultList()
                .forEach(row -> schemesBySubject.computeIfAbsent((Long) row[0], k -> new ArrayList<>()).add((String) row[1]));
        // study -> scheme -> the records that scheme's hash found
        Map<String, Map<String, Set<MatchedRecord>>> hits = new TreeMap<>();
        Set<String> wanted = studyKeysOf(studies);
        if (!schemesBySubject.isEmpty()) {
            entityManager.createQuery("select s.id, s.studyKey, s.subjectRef from SubjectRecord s where s.id in :ids",
                            Object[].class)
                    .setParameter("ids", schemesBySubject.keySet())
                    .getResultList().stream()
                    .filter(row -> wanted.contains((String) row[1]))
                    .forEach(row -> schemesBySubject.get((Long) row[0]).forEach(scheme ->
                            hits.computeIfAbsent((String) row[1], k -> new HashMap<>())
                                    .computeIfAbsent(scheme, k -> new HashSet<>())
                                    .add(new MatchedRecord((String) row[1], (String) row[2]))));
        }
        List<MatchedRecord> candidates = hits.values().stream()
                .flatMap(bySchemes -> narrowed(bySchemes.values()).stream())
                .sorted(Comparator.comparing(MatchedRecord::studyKey).thenComparing(MatchedRecord::subjectRef))
                .toList();
        return new Match(statusOf(candidates), candidates);
    }

    /**
     * Within one study, each scheme the identifiers complete narrows the candidates: the person is who
     * every scheme points to (more identifiers resolve an ambiguity). Schemes that disagree leave all
     * their records as candidates, for the DPO to resolve with the requester.
     */
    private static Set<MatchedRecord> narrowed(Collection<Set<MatchedRecord>> bySchemes) {
        Set<MatchedRecord> common = null;
        for (Set<MatchedRecord> found : bySchemes) {
            if (common == null) {
                common = new HashSet<>(found);
            } else {
                common.retainAll(found);
            }
        }
        if (common == null || !common.isEmpty()) {
            return common == null ? Set.of() : common;
        }
        Set<MatchedRecord> all = new HashSet<>();
        bySchemes.forEach(all::addAll);
        return all;
    }

    private static Set<String> studyKeysOf(List<Study> studies) {
        return studies.stream().map(study -> study.key).collect(Collectors.toSet());
    }

    private static MatchStatus statusOf(List<MatchedRecord> candidates) {
        if (candidates.isEmpty()) {
            return MatchStatus.NOT_FOUND;
        }
        Map<String, Long> perStudy = candidates.stream()
                .collect(Collectors.groupingBy(MatchedRecord::studyKey, Collectors.counting()));
        return perStudy.values().stream().anyMatch(n -> n > 1) ? MatchStatus.AMBIGUOUS : MatchStatus.UNIQUE;
    }
}
