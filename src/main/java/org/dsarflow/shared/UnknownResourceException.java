package org.dsarflow.shared;

/** A reference or key that names nothing we hold: answered 404. */
public class UnknownResourceException extends RuntimeException {

    public UnknownResourceException(String what, String key) {
        super(what + " " + key + " does not exist");
    }
}
