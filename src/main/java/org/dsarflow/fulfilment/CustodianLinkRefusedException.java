package org.dsarflow.fulfilment;

/** A custodian's link that cannot be used, and why; the page says which in plain words. */
public class CustodianLinkRefusedException extends RuntimeException {

    /** Why a link is refused. */
    public enum Refusal {
        /** Not a link this service signed, or changed since: refused before anything is looked up. */
        NOT_VALID,
        /** Past its expiry. */
        EXPIRED,
        /** Used once already: each link confirms once. */
        USED,
        /** The request is closed, or the holding's task was confirmed another way. */
        NO_LONGER_OPEN
    }

    private final Refusal refusal;

    public CustodianLinkRefusedException(Refusal refusal) {
        super("The custodian link is refused: " + refusal);
        this.refusal = refusal;
    }

    public Refusal refusal() {
        return refusal;
    }
}
