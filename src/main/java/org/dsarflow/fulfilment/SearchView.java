package org.dsarflow.fulfilment;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A search as recorded; {@code reason} is null for auditors (free text that may name people). */
@Schema(description = "A search made for an access request, or judged not reasonable to make (Art 15(1A))")
public record SearchView(long id, String studyKey, String holdingKey, String system, LocalDate searchedOn,
                         String searchedBy, List<String> identifierNames, boolean reasonable, String reason,
                         Instant recordedAt) {

    public static SearchView of(Search search) {
        return new SearchView(search.id, search.studyKey, search.holdingKey, search.system, search.searchedOn,
                search.searchedBy, search.identifierNames(), search.reasonable, search.reason, search.recordedAt);
    }

    public SearchView forAuditor() {
        return new SearchView(id, studyKey, holdingKey, system, searchedOn, searchedBy, identifierNames, reasonable,
                null, recordedAt);
    }
}
