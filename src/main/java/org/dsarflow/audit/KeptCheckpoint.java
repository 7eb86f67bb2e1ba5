package org.dsarflow.audit;

import org.dsarflow.shared.InvalidInputException;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A checkpoint an auditor kept, as {@code seq:hash}, to check that the log still extends it. */
public record KeptCheckpoint(long seq, String hash) {

    private static final Pattern FORM = Pattern.compile("(\\d{1,18}):([0-9a-fA-F]{64})");

    /** @throws InvalidInputException naming {@code checkpoint}, never quoting it */
    public static KeptCheckpoint parse(String text) {
        Matcher matcher = FORM.matcher(text == null ? "" : text.strip());
        if (!matcher.matches()) {
            throw new InvalidInputException("checkpoint",
                    "checkpoint must be an entry's seq and its 64-digit hex hash, as seq:hash");
        }
        return new KeptCheckpoint(Long.parseLong(matcher.group(1)), matcher.group(2).toLowerCase(Locale.ROOT));
    }
}
