package org.dsarflow.fulfilment;

/**
 * CDI event: the custodian of an external holding ("studyKey/holdingKey") confirmed they acted; that
 * holding's task of the process ({@link #ACTIVITY}) is done.
 */
public record CustodianConfirmed(String reference, String custodianTask) {

    public static final String ACTIVITY = "confirmCustodian";
}
