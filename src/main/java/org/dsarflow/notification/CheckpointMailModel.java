package org.dsarflow.notification;

import io.quarkus.qute.TemplateData;

import java.time.Instant;
import java.time.LocalDate;

/**
 * What the daily checkpoint email says: the checkpoint, whole, so the copy in the mailbox is enough to verify
 * the log against later; no personal data.
 *
 * @param statement the text the signature is over
 */
@TemplateData
public record CheckpointMailModel(
        String organisation,
        LocalDate day,
        long seq,
        String hash,
        Instant at,
        boolean signed,
        String signature,
        String statement) {
}
