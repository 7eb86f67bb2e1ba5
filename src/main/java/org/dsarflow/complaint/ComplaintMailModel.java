package org.dsarflow.complaint;

import io.quarkus.qute.TemplateData;

import java.time.LocalDate;

/**
 * What a complaint's email may say, built at send time from the complaint, so process variables carry only
 * its reference. The emails to the DPO mailbox are given no name, summary or note.
 *
 * @param updateNote the progress update the email tells of
 * @param workbenchPage the complaint's page on the workbench, for the DPO mailbox's emails
 */
@TemplateData
public record ComplaintMailModel(
        String reference,
        String organisation,
        String postalAddress,
        String dpoMailbox,
        String complainantName,
        LocalDate receivedOn,
        LocalDate acknowledgementDue,
        String aboutReference,
        String status,
        LocalDate lastProgressOn,
        String updateNote,
        String outcome,
        String outcomeSummary,
        String outcomeActions,
        String workbenchPage) {
}
