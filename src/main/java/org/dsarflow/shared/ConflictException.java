package org.dsarflow.shared;

/** A valid input that the current state does not allow: answered 409 with a stable code. */
public class ConflictException extends RuntimeException {

    private final String code;

    public ConflictException(String code, String detail) {
        super(detail);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
