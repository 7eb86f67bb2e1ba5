package org.dsarflow.decision;

/**
 * What the DPO recorded for a holding liable to contain other people's information before its copy goes out
 * (UK GDPR Art. 15(4); DPA 2018 Sch. 2 para 16): the others' information was redacted, they consented to its
 * disclosure, or disclosing it without their consent was judged reasonable.
 */
public enum OthersInformation {
    REDACTED("the other people's information was removed"),
    CONSENTED("the other people agreed to their information being disclosed"),
    REASONABLE_TO_DISCLOSE("we judged it reasonable to disclose the other people's information without their consent");

    private final String inWords;

    OthersInformation(String inWords) {
        this.inWords = inWords;
    }

    /** As the response says it, never with the DPO's reasons. */
    public String inWords() {
        return inWords;
    }
}
