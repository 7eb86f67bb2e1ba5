package org.dsarflow.repeat;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.dsarflow.intake.DsarRequest;
import org.dsarflow.intake.RequestStatus;
import org.dsarflow.intake.RequestType;
import org.dsarflow.shared.DsarConfig;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the earlier requests from the same person: those sharing a lookup hash with the request and received
 * within {@code dsar.repeat-window} before it (on the same day too). One query for any number of requests.
 */
@ApplicationScoped
public class RelatedRequests {

    private static final Comparator<RelatedRequest> NEWEST_FIRST = Comparator
            .comparing(RelatedRequest::receivedOn).reversed().thenComparing(RelatedRequest::reference);

    private final EntityManager entityManager;
    private final DsarConfig config;

    RelatedRequests(EntityManager entityManager, DsarConfig config) {
        this.entityManager = entityManager;
        this.config = config;
    }

    /** Each request's related requests, newest first, by the request's id; the caller's transaction. */
    public Map<Long, List<RelatedRequest>> of(List<DsarRequest> requests) {
        Map<Long, List<RelatedRequest>> related = new HashMap<>();
        if (requests.isEmpty()) {
            return related;
        }
        Map<Long, DsarRequest> byId = new HashMap<>();
        requests.forEach(request -> byId.put(request.id, request));
        LocalDate earliest = requests.stream().map(r -> r.receivedOn).min(Comparator.naturalOrder()).orElseThrow()
                .minus(config.repeatWindow());
        Map<Long, Map<String, RelatedRequest>> found = new HashMap<>();
        entityManager.createQuery("select distinct mine.requestId, other.reference, other.type, other.status,"
                                + " other.receivedOn from RequestLookup mine, RequestLookup theirs, DsarRequest other"
                                + " where mine.requestId in :ids and theirs.lookupHash = mine.lookupHash"
                                + " and theirs.requestId <> mine.requestId and other.id = theirs.requestId"
                                + " and other.receivedOn >= :earliest", Object[].class)
                .setParameter("ids", byId.keySet())
                .setParameter("earliest", earliest)
                .getResultList()
                .forEach(row -> {
                    DsarRequest request = byId.get((Long) row[0]);
                    LocalDate receivedOn = (LocalDate) row[4];
                    if (!receivedOn.isAfter(request.receivedOn)
                            && !receivedOn.isBefore(request.receivedOn.minus(config.repeatWindow()))) {
                        found.computeIfAbsent(request.id, id -> new LinkedHashMap<>()).putIfAbsent((String) row[1],
                                new RelatedRequest((String) row[1], (RequestType) row[2], (RequestStatus) row[3],
                                        receivedOn));
                    }
                });
        found.forEach((id, byReference) -> {
            List<RelatedRequest> sorted = new ArrayList<>(byReference.values());
            sorted.sort(NEWEST_FIRST);
            related.put(id, sorted);
        });
        return related;
    }

    /** Whether the two requests share a lookup hash: they come from the same person. */
    static boolean samePerson(DsarRequest one, DsarRequest other) {
        return RequestLookup.count("requestId = ?1 and lookupHash in (select l.lookupHash from RequestLookup l"
                + " where l.requestId = ?2)", one.id, other.id) > 0;
    }
}
