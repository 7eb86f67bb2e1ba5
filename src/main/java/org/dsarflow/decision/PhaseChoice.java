package org.dsarflow.decision;

import org.dsarflow.subject.StudyPhase;

import java.time.LocalDate;
import java.util.Optional;

/**
 * The phase a study's actions are decided on, and why. The phase at receipt decides: a study that
 * moved into analysis after the request arrived must not keep what it had to erase on receipt.
 * Today's phase decides only when the receipt-date phase is unknown, or when the study has since
 * closed (its personal data is already deleted, so nothing is left to act on).
 */
public record PhaseChoice(StudyPhase atReceipt, StudyPhase today, StudyPhase used, PhaseBasis basis, String reason) {

    public static PhaseChoice choose(PhaseTimeline timeline, LocalDate receivedOn, StudyPhase today, LocalDate todayDate) {
        Optional<StudyPhase> atReceipt = timeline.on(receivedOn);
        if (atReceipt.isEmpty()) {
            return new PhaseChoice(null, today, today, PhaseBasis.TODAY,
                    "No phase is on record for the receipt date " + receivedOn + ", so today's phase (" + today
                            + ") is used; the DPO should check it.");
        }
        StudyPhase received = atReceipt.get();
        if (today == StudyPhase.CLOSED && received != StudyPhase.CLOSED) {
            return new PhaseChoice(received, today, today, PhaseBasis.TODAY,
                    "The study was " + received + " on the receipt date " + receivedOn
                            + " but has since closed and deleted all personal data, so nothing is left to act on.");
        }
        if (received != today) {
            return new PhaseChoice(received, today, received, PhaseBasis.AT_RECEIPT,
                    "Decided on the phase at receipt (" + received + " on " + receivedOn + "); the study is "
                            + today + " on " + todayDate + ", but a change after the request arrived does not change "
                            + "what the request entitled the requester to.");
        }
        return new PhaseChoice(received, today, received, PhaseBasis.AT_RECEIPT,
                "Decided on the phase at receipt (" + received + " on " + receivedOn + "), unchanged since.");
    }
}
