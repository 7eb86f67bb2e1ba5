package org.dsarflow.notification;

import io.quarkus.qute.TemplateData;

import java.time.LocalDate;
import java.util.List;

/**
 * What a template may say. Built at send time from the request, so process variables carry only the
 * reference and the template name.
 *
 * @param typeInWords the request type as a reader would say it, e.g. "consent withdrawal"
 * @param reason     what the DPO wrote with the clock event: what to send, or why more time is needed
 * @param outcomes   one plain-English line per holding, from the decision's explanations
 * @param rules      the statutory rules on time limits the request runs by, in plain words
 * @param clarificationPausesClock whether asking this requester for clarification stops the clock
 * @param actingAs   to a representative: how they act for the subject, e.g. "parent or guardian"; else null.
 *                   Emails to a representative never name the subject nor carry the subject's identifiers.
 * @param forSubjectBy to the data subject, of a request a representative made for them: how that person
 *                   stands to them, e.g. "parent or guardian"; else null
 * @param othersInformation per holding liable to hold other people's information, which of redacted,
 *                   consented or reasonable to disclose applied, in plain words
 * @param dpoMailbox where the requester can complain to the controller itself (DPA 2018 s.164A)
 * @param sourcesSearched  an access response: each place searched, with when and by which identifiers
 * @param sourcesNotSearched an access response: each place judged unreasonable or disproportionate to search
 *                   (Art 15(1A)); the DPO's reason stays out, as free text that may name other people
 * @param duplicateOf the open request that answers this one, when the DPO closed it as a duplicate
 * @param askedForRecipients the requester asked who the recipients are (Art 19, second sentence)
 * @param recipients the recipients told of a rectification, erasure or restriction, each once
 * @param workbenchPage the request's page on the workbench, for the DPO mailbox's emails
 */
@TemplateData
public record MailModel(
        String reference,
        String type,
        String typeInWords,
        String organisation,
        String postalAddress,
        String requesterName,
        LocalDate receivedOn,
        LocalDate deadline,
        boolean extended,
        String reason,
        String status,
        String outcome,
        String refusalReason,
        String justification,
        List<String> outcomes,
        boolean packageAttached,
        boolean packageAvailable,
        String rules,
        boolean clarificationPausesClock,
        String actingAs,
        String forSubjectBy,
        boolean authorityRecorded,
        List<String> othersInformation,
        String dpoMailbox,
        List<String> sourcesSearched,
        List<String> sourcesNotSearched,
        String duplicateOf,
        boolean askedForRecipients,
        List<String> recipients,
        String workbenchPage) {
}
