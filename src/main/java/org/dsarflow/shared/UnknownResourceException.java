package org.dsarflow.shared;

/** A reference or key that names nothing we hold: answered 404. */
public class UnknownResourceException extends RuntimeException {

    public UnknownResourceException(String what, String key) {
        super(what + " " + key + " does not exist");
    }

    /** For something that is not there for a reason other than an unknown key, said in {@code detail}. */
    public UnknownResourceException(String detail) {
        super(detail);
    }
}
