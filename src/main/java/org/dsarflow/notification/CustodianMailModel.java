package org.dsarflow.notification;

import io.quarkus.qute.TemplateData;

import java.time.LocalDate;

/**
 * What an email to the custodian of an external holding may say: the task, the record by its study reference,
 * the request's deadline and the link to confirm. Nothing of the requester: no name, no contact details.
 *
 * @param action   what the custodian is to do, in plain words
 * @param link     the signed, single-use address of the confirmation page
 * @param reminder the request is due soon and this task is still open
 */
@TemplateData
public record CustodianMailModel(
        String reference,
        String organisation,
        String studyName,
        String studyKey,
        String holdingKey,
        String location,
        String action,
        String subjectRef,
        LocalDate deadline,
        String link,
        LocalDate linkExpiresOn,
        boolean reminder,
        String dpoMailbox) {
}
