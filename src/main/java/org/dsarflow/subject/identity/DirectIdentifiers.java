package org.dsarflow.subject.identity;

import java.util.List;
import java.util.Locale;

/**
 * Which registry attributes identify a person directly or say how to reach them: what pseudonymised
 * retention deletes. Raw identifiers are kept as {@code identifier.<key>}; other attributes are judged
 * by their name, since a registry's research attributes are named by each study.
 */
public final class DirectIdentifiers {

    public static final String RAW_IDENTIFIER_PREFIX = "identifier.";

    private static final List<String> CONTACT_WORDS = List.of("email", "phone", "mobile", "address", "postcode",
            "name", "contact", "dateofbirth", "birth", "nino", "insurance");

    private DirectIdentifiers() {
    }

    public static boolean isDirect(String attributeName) {
        String name = attributeName.toLowerCase(Locale.ROOT);
        return name.startsWith(RAW_IDENTIFIER_PREFIX) || CONTACT_WORDS.stream().anyMatch(name::contains);
    }

    public static boolean isRawIdentifier(String attributeName) {
        return attributeName.startsWith(RAW_IDENTIFIER_PREFIX);
    }
}
