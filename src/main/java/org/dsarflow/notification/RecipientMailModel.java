package org.dsarflow.notification;

import io.quarkus.qute.TemplateData;

import java.util.List;

/**
 * What an Art 19 notice to a recipient of a study's data may say: what was done to the person's records, by
 * their study references. Nothing of the requester: no name, no contact details, no corrected values.
 *
 * @param actions     what was done, in plain words
 * @param subjectRefs the study's references of the records concerned
 */
@TemplateData
public record RecipientMailModel(
        String reference,
        String organisation,
        String recipient,
        String studyName,
        List<String> actions,
        List<String> subjectRefs,
        String dpoMailbox) {
}
