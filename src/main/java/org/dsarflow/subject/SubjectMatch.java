package org.dsarflow.subject;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;

import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Where a request's subject was found, as last located: the outcome and the subject records matched. */
@Entity
@Table(name = "dsar_subject_match")
public class SubjectMatch extends PanacheEntityBase {

    private static final Comparator<MatchedRecord> BY_STUDY =
            Comparator.comparing(MatchedRecord::studyKey).thenComparing(MatchedRecord::subjectRef);

    @Id
    public Long requestId;

    @Enumerated(EnumType.STRING)
    public MatchStatus status;

    @ElementCollection
    @CollectionTable(name = "dsar_request_match", joinColumns = @JoinColumn(name = "request_id"))
    public Set<MatchedRecord> records = new LinkedHashSet<>();

    public static Optional<SubjectMatch> of(Long requestId) {
        return findByIdOptional(requestId);
    }

    /** The matches of a page of requests, in one query. */
    public static Map<Long, SubjectMatch> of(Collection<Long> requestIds) {
        return SubjectMatch.<SubjectMatch>list("requestId in ?1", requestIds).stream()
                .collect(Collectors.toMap(m -> m.requestId, Function.identity()));
    }

    /** The records matched, by study and subjectRef. */
    public List<MatchedRecord> sorted() {
        return records.stream().sorted(BY_STUDY).toList();
    }

    /** Located, but not uniquely: the DPO asks the requester for more identifiers, or closes the request. */
    public boolean awaitingIdentifiers() {
        return status != MatchStatus.UNIQUE;
    }

    /** Where the request's subject was found this time, replacing what an earlier try found. */
    static void record(Long requestId, MatchStatus found, Collection<MatchedRecord> matched) {
        Optional<SubjectMatch> earlier = SubjectMatch.findByIdOptional(requestId);
        SubjectMatch match = earlier.orElseGet(SubjectMatch::new);
        match.requestId = requestId;
        match.status = found;
        match.records.clear();
        match.records.addAll(matched);
        if (earlier.isEmpty()) {
            match.persist();
        }
    }
}
