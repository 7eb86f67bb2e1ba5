package org.dsarflow.fulfilment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import org.dsarflow.audit.AuditLog;
import org.dsarflow.intake.DsarRequest;
import org.dsarflow.intake.PersonalDataDeleted;
import org.dsarflow.intake.RequestType;
import org.dsarflow.shared.ConflictException;
import org.dsarflow.shared.InvalidInputException;
import org.dsarflow.subject.Holding;
import org.dsarflow.subject.Study;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Records the searches made for an access request (Art 15(1A), DUAA s.78: a reasonable and proportionate
 * search), and those judged unreasonable or disproportionate, with the reason the controller relies on.
 */
@ApplicationScoped
public class SearchService {

    private final AuditLog audit;
    private final Clock clock;

    SearchService(AuditLog audit, Clock clock) {
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * 404 for an unknown request; 409 NOT_AN_ACCESS_REQUEST or REQUEST_CLOSED; 400 for an unknown holding, a
     * date in the future or before receipt, identifier names no study's schemes know, a missing reason.
     */
    @Transactional
    public Search record(String reference, SearchBody submitted, String actor) {
        DsarRequest request = DsarRequest.requireLocked(reference);
        if (request.type != RequestType.ACCESS) {
            throw new ConflictException("NOT_AN_ACCESS_REQUEST", "Request " + reference + " is a " + request.type
                    + " request: searches are recorded for access requests (Art 15(1A))");
        }
        request.requireOpen();
        SearchBody body = submitted.tidied();
        Holding holding = source(body, request.studyKeys);
        LocalDate today = LocalDate.now(clock);
        if (body.searchedOn().isAfter(today)) {
            throw new InvalidInputException("searchedOn", "searchedOn " + body.searchedOn() + " is in the future");
        }
        if (body.searchedOn().isBefore(request.receivedOn)) {
            throw new InvalidInputException("searchedOn", "searchedOn " + body.searchedOn()
                    + " is before the request was received, on " + request.receivedOn);
        }
        if (body.reasonable() && body.identifierNames().isEmpty()) {
            throw new InvalidInputException("identifierNames", "identifierNames name what was searched by");
        }
        Set<String> known = knownIdentifierNames(holding == null ? Study.listAll() : List.of(Study.findById(holding.studyKey)));
        List<String> unknown = body.identifierNames().stream().filter(name -> !known.contains(name)).toList();
        if (!unknown.isEmpty()) {
            throw new InvalidInputException("identifierNames", "identifierNames " + unknown + " are in no identifier "
                    + "scheme of " + (holding == null ? "any study" : "study " + holding.studyKey) + "; known: " + known);
        }
        if (!body.reasonable() && body.reason() == null) {
            throw new InvalidInputException("reason", "reason is required when searching was judged unreasonable or "
                    + "disproportionate (Art 15(1A))");
        }
        Search search = Search.of(request.id, body, holding == null ? null : holding.studyKey, actor,
                Instant.now(clock));
        search.persist();
        // The system's name and the reason are the DPO's free text: the entry keeps keys, dates and names only.
        audit.record(reference, "SEARCH_RECORDED", AuditLog.detail("search", search.id,
                "source", holding == null ? "SYSTEM" : "HOLDING", "studyKey", search.studyKey,
                "holdingKey", search.holdingKey, "searchedOn", search.searchedOn,
                "identifierNames", search.identifierNames(), "reasonable", search.reasonable));
        return search;
    }

    @Transactional
    public List<SearchView> of(String reference, boolean auditor) {
        return Search.of(DsarRequest.require(reference).id).stream().map(SearchView::of)
                .map(view -> auditor ? view.forAuditor() : view).toList();
    }

    /** The identifier names the schemes of these studies use. */
    public static Set<String> knownIdentifierNames(Collection<? extends Study> studies) {
        Set<String> names = new TreeSet<>();
        studies.forEach(study -> study.identifierSchemes.forEach(names::addAll));
        return names;
    }

    void onPersonalDataDeleted(@Observes PersonalDataDeleted deleted) {
        Search.of(deleted.requestId()).forEach(Search::forgetReason);
    }

    /**
     * The holding searched, or null for another system. Without a studyKey, a holding key is looked for in the
     * studies the request names first, then in every study.
     */
    private static Holding source(SearchBody body, Set<String> named) {
        if ((body.holdingKey() == null) == (body.system() == null)) {
            throw new InvalidInputException(body.holdingKey() == null ? "holdingKey" : "system",
                    "name one holdingKey (with its studyKey where needed) or one system");
        }
        if (body.holdingKey() == null) {
            if (body.studyKey() != null) {
                throw new InvalidInputException("studyKey", "studyKey goes with a holdingKey, not a system");
            }
            return null;
        }
        List<Holding> holdings = body.studyKey() == null
                ? Holding.list("key = ?1 order by studyKey", body.holdingKey())
                : Holding.list("key = ?1 and studyKey = ?2", body.holdingKey(), body.studyKey());
        List<Holding> inNamedStudies = holdings.stream().filter(h -> named.contains(h.studyKey)).toList();
        if (body.studyKey() == null && !inNamedStudies.isEmpty()) {
            holdings = inNamedStudies;
        }
        if (holdings.isEmpty()) {
            throw new InvalidInputException("holdingKey", "No study has a holding " + body.holdingKey()
                    + (body.studyKey() == null ? "" : " in study " + body.studyKey()));
        }
        if (holdings.size() > 1) {
            throw new InvalidInputException("studyKey", "Several studies have a holding " + body.holdingKey()
                    + ": name its studyKey");
        }
        return holdings.get(0);
    }
}
