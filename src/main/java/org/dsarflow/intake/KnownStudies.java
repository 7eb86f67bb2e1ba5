package org.dsarflow.intake;

import java.util.List;

/** The studies a request may name, as the subject capability that keeps them knows them. */
public interface KnownStudies {

    /** A 400 naming {@code field[i]} for the first key that names no study. */
    void requireKnown(String field, List<String> keys);
}
