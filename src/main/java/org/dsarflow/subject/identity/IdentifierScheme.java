package org.dsarflow.subject.identity;

import org.dsarflow.shared.Keys;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * A set of identifier keys that together locate a person in a study, such as
 * {@code firstInitial+localAuthority+surnamePrefix}. Keys are kept sorted and de-duplicated so that the
 * same set always has the same {@link #name()}, which is part of the hashed input.
 */
public record IdentifierScheme(List<String> keys) {

    private static final Pattern KEY = Pattern.compile(Keys.IDENTIFIER);

    public IdentifierScheme {
        Objects.requireNonNull(keys, "keys");
        TreeSet<String> sorted = new TreeSet<>();
        int position = 0;
        for (String key : keys) {
            position++;
            // The key itself is not echoed: a mistyped request could put a value where a key belongs.
            if (key == null || !KEY.matcher(key).matches()) {
                throw new IllegalArgumentException(
                        "identifier key #" + position + " must match " + Keys.IDENTIFIER);
            }
            sorted.add(key);
        }
        if (sorted.isEmpty()) {
            throw new IllegalArgumentException("an identifier scheme needs at least one key");
        }
        keys = List.copyOf(sorted);
    }

    public static IdentifierScheme of(Collection<String> keys) {
        Objects.requireNonNull(keys, "keys");
        return new IdentifierScheme(new ArrayList<>(keys));
    }

    /** The keys joined with "+", e.g. {@code email} or {@code firstInitial+localAuthority+surnamePrefix}. */
    public String name() {
        return String.join("+", keys);
    }
}
