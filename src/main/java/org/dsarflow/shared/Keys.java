package org.dsarflow.shared;

/** What the keys that name things in bodies and files may look like: written once for every body that takes them. */
public final class Keys {

    /** An identifier, attribute or correction name, e.g. {@code email}, {@code firstInitial}. */
    public static final String IDENTIFIER = "[A-Za-z][A-Za-z0-9]{0,63}";

    /** A study key, e.g. {@code kitbags}. */
    public static final String STUDY = "[a-z0-9][a-z0-9-]{0,63}";

    /** A category of people a study holds data on, e.g. {@code CHILD}, {@code SOCIAL_WORKER}. */
    public static final String CATEGORY = "[A-Z][A-Z_]{0,31}";

    private Keys() {
    }
}
