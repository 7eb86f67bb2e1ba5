package org.dsarflow.fulfilment;

/**
 * CDI event: the DPO recorded what was done with other people's information in the copy of one holding
 * ("studyKey/holdingKey"); that holding's task of the process ({@link #ACTIVITY}) is done.
 */
public record RedactionRecorded(String reference, String redactionTask) {

    public static final String ACTIVITY = "confirmRedaction";
}
