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
        SupplementaryInformation.Complaint complaint) {

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
