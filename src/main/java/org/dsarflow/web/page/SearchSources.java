package org.dsarflow.web.page;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import jakarta.transaction.Transactional;
import org.dsarflow.fulfilment.SearchService;
import org.dsarflow.intake.DsarRequest;
import org.dsarflow.subject.Holding;
import org.dsarflow.subject.Study;
import org.dsarflow.view.RequestView;

import java.util.List;
import java.util.Set;

/**
 * What the search form of a request page offers: the holdings of the studies the request names (of every study
 * when it names none) and the identifier names their schemes use. Read by the template as {@code inject:searchSources}.
 */
@ApplicationScoped
@Named("searchSources")
public class SearchSources {

    /** One holding to choose, as "holding:studyKey/holdingKey". */
    public record Option(String value, String label) {
    }

    public record Choices(List<Option> holdings, Set<String> identifierNames) {
    }

    @Transactional
    public Choices of(RequestView request) {
        List<String> named = DsarRequest.require(request.reference()).studyKeys.stream().toList();
        List<Study> studies = named.isEmpty() ? Study.listAll() : Study.list("key in ?1", named);
        List<Option> holdings = studies.stream().flatMap(study -> study.holdings().stream())
                .map(SearchSources::option).toList();
        return new Choices(holdings, SearchService.knownIdentifierNames(studies));
    }

    private static Option option(Holding holding) {
        return new Option("holding:" + holding.studyKey + "/" + holding.key,
                holding.studyKey + "/" + holding.key + ": " + holding.location);
    }
}
