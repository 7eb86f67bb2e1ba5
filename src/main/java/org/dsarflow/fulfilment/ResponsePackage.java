package org.dsarflow.fulfilment;

import org.dsarflow.decision.Action;
import org.dsarflow.decision.ActionState;
import org.dsarflow.decision.OthersInformation;
import org.dsarflow.intake.RequestType;
import org.dsarflow.subject.Custody;
import org.dsarflow.subject.DataSource;
import org.dsarflow.subject.LawfulBasis;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The access or portability response: the requester's data in each study, with the supplementary
 * information Art. 15 requires (purposes, lawful bases, recipients, retention, source, rights, and how
 * to complain to the ICO).
 */
public record ResponsePackage(
        String reference,
        RequestType type,
        Instant generatedAt,
        List<StudyData> studies,
        List<String> rights,
        SupplementaryInformation.Complaint complaint,
        @Schema(description = "Where we looked for the requester's data (Art 15(1A)), and what we judged not "
                + "reasonable or proportionate to search; empty for a portability request")
        List<SourceSearched> sourcesSearched) {

    /**
     * A holding or system searched, or left unsearched as disproportionate. The DPO's reason stays out: it is
     * free text that may name other people, and the response only needs to say that the judgement was made.
     */
    public record SourceSearched(
            @Schema(examples = "Restricted shared drive") String source,
            String studyKey,
            String holdingKey,
            LocalDate searchedOn,
            @Schema(examples = "[\"email\"]") List<String> identifierNames,
            boolean searched,
            @Schema(examples = "Searched") String inWords) {

        static SourceSearched of(Search search, String location) {
            String source = search.system != null ? search.system : location;
            return new SourceSearched(source, search.studyKey, search.holdingKey, search.searchedOn,
                    search.identifierNames(), search.reasonable, search.reasonable
                    ? "Searched on " + search.searchedOn + " by " + String.join(", ", search.identifierNames())
                    : "Not searched: judged unreasonable or disproportionate to search (UK GDPR Art 15(1A))");
        }
    }

    /**
     * One study's record of the requester. {@code identifiers} and {@code attributes} are what the
     * service itself holds; external holdings' copies come from their custodians.
     */
    public record StudyData(
            String studyKey,
            String studyName,
            String contactMailbox,
            String subjectRef,
            String category,
            boolean restricted,
            Map<String, String> identifiers,
            Map<String, String> attributes,
            List<HoldingData> holdings,
            List<LawfulBasis> purposes,
            List<String> recipients) {
    }

    public record HoldingData(
            String holdingKey,
            String location,
            Custody custody,
            DataSource source,
            String sourceDescription,
            String retention,
            Action action,
            ActionState state,
            String explanation,
            @Schema(description = "For a holding liable to contain other people's information: whether it was "
                    + "REDACTED, CONSENTED to, or judged REASONABLE_TO_DISCLOSE; null for other holdings")
            OthersInformation othersInformation) {
    }
}
