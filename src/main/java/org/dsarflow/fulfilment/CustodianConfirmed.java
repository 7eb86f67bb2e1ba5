package org.dsarflow.fulfilment;

/**
 * CDI event: the custodian of an external holding ("studyKey/holdingKey") confirmed they acted; that
 * holding's task of the process ({@link #ACTIVITY}) is done, completed in the name of {@code by}: the person
 * who recorded it, or {@code custodian:<holdingKey>} through the custodian's emailed link.
 */
public record CustodianConfirmed(String reference, String custodianTask, String by) {

    public static final String ACTIVITY = "confirmCustodian";
}
