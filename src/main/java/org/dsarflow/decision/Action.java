package org.dsarflow.decision;

import java.util.EnumSet;
import java.util.Set;

/** What is done with one matched record's data in one holding. */
public enum Action {
    /** Delete all of the subject's data in the holding. */
    ERASE,
    /** Delete direct identifiers and contact details; keep the research data under the subjectRef. */
    RETAIN_PSEUDONYMISED,
    /** Keep the data but stop processing and exporting it until the DPO lifts the restriction. */
    RESTRICT,
    /** Apply the corrections the requester asked for. */
    RECTIFY,
    /** Give the requester a copy, with the supplementary information. */
    EXPORT,
    /** Anonymised data: nothing in it can be linked to the requester. */
    NOT_IDENTIFIABLE,
    /** The study has deleted all personal data. */
    NOT_HELD,
    /** The right asked for does not reach this data (portability of data not given under consent or contract). */
    NOT_APPLICABLE;

    private static final Set<Action> CARRIED_OUT = EnumSet.of(ERASE, RETAIN_PSEUDONYMISED, RESTRICT, RECTIFY, EXPORT);
    private static final Set<Action> TOLD_TO_RECIPIENTS = EnumSet.of(ERASE, RETAIN_PSEUDONYMISED, RESTRICT, RECTIFY);

    /** Something has to be done to the data (by us, or by the holding's custodian). */
    public boolean isCarriedOut() {
        return CARRIED_OUT.contains(this);
    }

    /** Art. 19: rectification, erasure (in full or of identifiers) and restriction are told to recipients. */
    public boolean isToldToRecipients() {
        return TOLD_TO_RECIPIENTS.contains(this);
    }

    /** Keeping data the requester asked us to erase is an exemption: the DPO must say why. */
    public boolean needsJustification() {
        return this == RETAIN_PSEUDONYMISED;
    }
}
