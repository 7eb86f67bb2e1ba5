package org.dsarflow.decision;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.dsarflow.shared.Keys;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.Map;

/**
 * {@code POST /api/requests/{ref}/review}: approve the proposed actions (optionally amended, with a
 * justification), or refuse the request as manifestly unfounded or excessive, with the reason.
 * {@code changes} sets the corrections a rectification applies, where the request did not give them.
 */
public record ReviewBody(
        @Schema(description = "true: approve (with any amendments); false: refuse, with refusalReason")
        @NotNull Boolean approve,
        @Schema(description = "Actions the DPO changes, one per holding")
        @Size(max = 200) List<@NotNull @Valid Amendment> amendments,
        @Schema(description = "Why: needed to keep data the requester asked to erase, and for a refusal",
                examples = "The prize-draw list is contact data only and goes in full.")
        @Size(max = 4000) String justification,
        @Schema(description = "The ground of a refusal (Art. 12(5))") RefusalReason refusalReason,
        @Size(max = 50) Map<@NotBlank @Pattern(regexp = Keys.IDENTIFIER) String,
                @NotNull @Size(max = 4000) String> changes,
        @Schema(description = "Needed for a child's request (the located record's or the given category is a "
                + "child): the DPO's judgement of the child's competence and whom the response goes to")
        @Valid ChildJudgementBody childJudgement) {

    /**
     * The DPO's judgement of a child's request: whether the child is competent to act for themselves, whether
     * a competent child agreed to the representative acting, and whom the response goes to; with reasons.
     */
    public record ChildJudgementBody(
            @NotNull Boolean competent,
            @Schema(description = "A competent child's request by a representative: did the child agree to them acting?")
            Boolean agreedToRepresentative,
            @NotNull ResponseRecipient respondTo,
            @Schema(description = "Why: free text kept with the review, never in the audit log",
                    examples = "Aged 15, understands the request and asked us to reply to her directly.")
            @NotBlank @Size(max = 4000) String reasons) {
    }

    /** The DPO's choice for one holding; {@code studyKey} may be left out when only one matched study has it. */
    public record Amendment(
            @Size(max = 64) String studyKey,
            @NotBlank @Size(max = 64) String holdingKey,
            @NotNull Action action) {
    }

    List<Amendment> amendmentsOrNone() {
        return amendments == null ? List.of() : amendments;
    }

    Map<String, String> changesOrNone() {
        return changes == null ? Map.of() : changes;
    }

    boolean justified() {
        return justification != null && !justification.isBlank();
    }
}
