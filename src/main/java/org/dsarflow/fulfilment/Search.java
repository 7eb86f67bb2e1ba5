package org.dsarflow.fulfilment;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A search for an access request's data in one holding or system (Art 15(1A), DUAA s.78): when, by whom, with
 * which identifier names; or the judgement that searching it was not reasonable and proportionate, with the
 * reason. Recorded once and never changed.
 */
@Entity
@Table(name = "dsar_request_search")
public class Search extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "dsar_request_search_seq")
    @SequenceGenerator(name = "dsar_request_search_seq", sequenceName = "dsar_request_search_seq", allocationSize = 50)
    public Long id;

    public Long requestId;

    /** A holding of a study; null for another system. */
    public String studyKey;

    public String holdingKey;

    /** The system searched when it is no holding of a study, as the DPO names it. */
    @Column(name = "system_name")
    public String system;

    public LocalDate searchedOn;

    public String searchedBy;

    /** The names of the identifiers searched by, comma-separated: names only, never values. */
    @Column(name = "identifier_names")
    String identifierNames;

    /** False: judged unreasonable or disproportionate to search, and not searched. */
    public boolean reasonable;

    /** Why it was not reasonable to search; free text the DPO wrote. */
    public String reason;

    public Instant recordedAt;

    static Search of(long requestId, SearchBody body, String studyKey, String by, Instant at) {
        Search search = new Search();
        search.requestId = requestId;
        search.studyKey = studyKey;
        search.holdingKey = body.holdingKey();
        search.system = body.system();
        search.searchedOn = body.searchedOn();
        search.searchedBy = by;
        search.identifierNames = String.join(",", body.identifierNames());
        search.reasonable = body.reasonable();
        search.reason = body.reason();
        search.recordedAt = at;
        return search;
    }

    public static List<Search> of(long requestId) {
        return list("requestId = ?1 order by searchedOn, id", requestId);
    }

    /** The searches of each of these requests, by request id, each request's in the order searched. */
    public static Map<Long, List<SearchView>> ofRequests(Collection<Long> requestIds) {
        if (requestIds.isEmpty()) {
            return Map.of();
        }
        return Search.<Search>list("requestId in ?1 order by searchedOn, id", requestIds).stream()
                .collect(Collectors.groupingBy(search -> search.requestId,
                        Collectors.mapping(SearchView::of, Collectors.toList())));
    }

    public List<String> identifierNames() {
        return identifierNames.isEmpty() ? List.of() : Arrays.asList(identifierNames.split(","));
    }

    /** The reason is free text that may name people: it goes with the request's personal data. */
    void forgetReason() {
        reason = null;
    }
}
