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
 * @param dpoMailbox where the requester can complain to the controller itself (DPA 2018 s.164A)
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
        String dpoMailbox) {
}
