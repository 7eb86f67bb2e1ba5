package org.dsarflow.subject;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.dsarflow.shared.Keys;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** A study as an admin registers it and as it is read back (PRODUCT.md §12). */
public record StudyDescription(
        @NotBlank @Pattern(regexp = Keys.STUDY) String key,
        @NotBlank @Size(max = 200) String name,
        @Email @Size(max = 320) String contactMailbox,
        @NotNull StudyPhase phase,
        @NotNull LocalDate phaseSince,
        @NotEmpty @Size(max = 20) List<@NotEmpty @Size(max = 8) List<@NotNull @Pattern(regexp = Keys.IDENTIFIER) String>> identifierSchemes,
        @Size(max = 50) List<@NotNull @Valid LawfulBasis> lawfulBases,
        @Size(max = 50) List<@NotBlank @Size(max = 200) String> recipients,
        @Schema(description = "Art 19: the mailbox of each recipient that has one, by its name in recipients; "
                + "a rectification, erasure or restriction is emailed to it",
                examples = "{\"Partner university\": \"data@partner.example\"}")
        @Size(max = 50) Map<@NotBlank @Size(max = 200) String, @NotBlank @Email @Size(max = 320) String> recipientMailboxes,
        @Size(max = 20) List<@NotBlank @Pattern(regexp = CATEGORY) String> categories,
        @NotEmpty @Size(max = 50) List<@NotNull @Valid HoldingDescription> holdings) {

    static final String CATEGORY = Keys.CATEGORY;

    public record HoldingDescription(
            @NotBlank @Pattern(regexp = Keys.STUDY) String key,
            @NotBlank @Size(max = 200) String location,
            @NotNull Custody custody,
            @NotNull Identifiability identifiability,
            @NotNull DataSource source,
            @Size(max = 1000) String retention,
            LocalDate retentionUntil,
            @Pattern(regexp = "P(\\d+Y)?(\\d+M)?(\\d+W)?(\\d+D)?") @Size(max = 32) String retentionPeriod,
            @Schema(description = "Liable to contain other people's information (interviews, transcripts, free "
                    + "text, case notes): an access request's copy waits for the DPO's redaction step; false if left out")
            Boolean othersInformation,
            @Schema(description = "An EXTERNAL holding's custodian's mailbox: each custodian task is emailed "
                    + "there with a link to confirm, and a reminder when the deadline nears")
            @Email @Size(max = 320) String custodianMailbox) {

        static HoldingDescription of(Holding holding) {
            return new HoldingDescription(holding.key, holding.location, holding.custody, holding.identifiability,
                    holding.source, holding.retention, holding.retentionUntil, holding.retentionPeriod,
                    holding.othersInformation, holding.custodianMailbox);
        }
    }

    static StudyDescription of(Study study) {
        return new StudyDescription(study.key, study.name, study.contactMailbox, study.phase, study.phaseSince,
                study.identifierSchemes, study.lawfulBases, study.recipients, study.recipientMailboxes == null ? Map.of() : Map.copyOf(study.recipientMailboxes), study.categories,
                study.holdings().stream().map(HoldingDescription::of).toList());
    }
}
