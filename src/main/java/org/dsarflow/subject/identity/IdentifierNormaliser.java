package org.dsarflow.subject.identity;

import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Month;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a supplied identifier value into the canonical form that is hashed (PRODUCT.md §5), so that the
 * registry and a requester who spell the same thing differently still meet on one hash.
 *
 * <p>Every value is trimmed, NFKC-normalised, case-folded and has inner whitespace collapsed to one
 * space; some keys then get a key-specific rule. Normalisation is idempotent.
 *
 * <p>{@code localAuthority} drops the spec's authority words, so "City of London" becomes "london" and
 * equals "London". That is accepted: every scheme using the authority also needs name parts to match.
 * '&amp;' is read as "and" rather than dropped as punctuation, so "Brighton &amp; Hove" equals "Brighton
 * and Hove City Council" ("brighton and hove").
 */
public final class IdentifierNormaliser {

    public static final String EMAIL = "email";
    public static final String DATE_OF_BIRTH = "dateOfBirth";
    public static final String LOCAL_AUTHORITY = "localAuthority";
    public static final String FIRST_INITIAL = "firstInitial";
    public static final String SURNAME_PREFIX = "surnamePrefix";
    public static final String PSEUDONYM_ID = "pseudonymId";
    public static final String SOCIAL_WORKER_NUMBER = "socialWorkerNumber";
    public static final String FIRST_NAME = "firstName";
    public static final String SURNAME = "surname";
    public static final String LAST_NAME = "lastName";

    // Invisible format characters (zero-width space, soft hyphen, BOM) arrive by copy and paste and would
    // otherwise split one spelling into two; control characters count as whitespace, which also keeps
    // the NUL separator of the hash input out of every value.
    private static final Pattern FORMAT_CHARS = Pattern.compile("\\p{Cf}");
    private static final Pattern WHITESPACE = Pattern.compile("[\\s\\p{Cc}]+", Pattern.UNICODE_CHARACTER_CLASS);

    private static final Pattern ISO_DATE = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");
    private static final Pattern NUMERIC_DATE = Pattern.compile("(\\d{1,2})([/-])(\\d{1,2})\\2(\\d{4})");
    private static final Pattern TEXT_DATE = Pattern.compile("(\\d{1,2})(?:st|nd|rd|th)? ([a-z]+)\\.? (\\d{4})");
    private static final Map<String, Integer> MONTHS = monthNames();

    private static final Pattern APOSTROPHES = Pattern.compile("['\u2018\u2019\u02BC]");
    private static final Pattern PUNCTUATION = Pattern.compile("[\\p{P}\\p{S}]");
    // Longer phrases come first so "london borough of" is removed whole rather than leaving "london".
    private static final Pattern AUTHORITY_WORDS = Pattern.compile(
            "(?<![^ ])(?:london borough of|royal borough of|borough of|city of"
                    + "|county council|city council|borough council|council)(?![^ ])");
    private static final Pattern SOCIAL_WORKER_NUMBER_SEPARATORS = Pattern.compile("[ \\-\u2010-\u2015\u2212]");

    private IdentifierNormaliser() {
    }

    /**
     * The canonical form of {@code value} for {@code key}; empty when nothing is left (null, blank, or a
     * local authority that was only "Council").
     *
     * @throws InvalidIdentifierException when a date key holds something that is not a real date
     */
    public static Optional<String> normalise(String key, String value) {
        Objects.requireNonNull(key, "key");
        if (value == null) {
            return Optional.empty();
        }
        String general = general(value);
        if (general.isEmpty()) {
            return Optional.empty();
        }
        String normalised = switch (key) {
            // The general steps already lower-case the whole address. Dots and "+tags" are kept:
            // providers differ on whether they matter, and stripping them could merge two people.
            case EMAIL -> general;
            case PSEUDONYM_ID -> general;
            case LOCAL_AUTHORITY -> localAuthority(general);
            case FIRST_INITIAL -> firstLetters(general, 1);
            case SURNAME_PREFIX -> firstLetters(general, 2);
            case SOCIAL_WORKER_NUMBER -> SOCIAL_WORKER_NUMBER_SEPARATORS.matcher(general).replaceAll("");
            case DATE_OF_BIRTH -> date(key, general);
            default -> isDateKey(key) ? date(key, general) : general;
        };
        return normalised.isEmpty() ? Optional.empty() : Optional.of(normalised);
    }

    /**
     * The supplied identifiers plus {@code firstInitial} and {@code surnamePrefix} derived from
     * {@code firstName} and {@code surname} (or {@code lastName}), because requesters give their names
     * while schemes ask for parts of them. A non-blank supplied scheme key wins over a derived one.
     * Derived values are already normalised; supplied values are returned as given.
     */
    public static Map<String, String> deriveSchemeKeys(Map<String, String> supplied) {
        Objects.requireNonNull(supplied, "supplied");
        Map<String, String> result = new LinkedHashMap<>(supplied);
        deriveIfAbsent(result, FIRST_INITIAL, supplied.get(FIRST_NAME));
        String surname = isBlank(supplied.get(SURNAME)) ? supplied.get(LAST_NAME) : supplied.get(SURNAME);
        deriveIfAbsent(result, SURNAME_PREFIX, surname);
        return Collections.unmodifiableMap(result);
    }

    private static void deriveIfAbsent(Map<String, String> result, String key, String source) {
        if (isBlank(result.get(key))) {
            normalise(key, source).ifPresent(derived -> result.put(key, derived));
        }
    }

    private static boolean isBlank(String value) {
        return value == null || general(value).isEmpty();
    }

    private static String general(String value) {
        String text = Normalizer.normalize(value, Normalizer.Form.NFKC);
        // Lower-casing can produce characters NFKC would rewrite, so normalise again to stay idempotent.
        text = Normalizer.normalize(text.toLowerCase(Locale.ROOT).replace("ß", "ss"), Normalizer.Form.NFKC);
        text = FORMAT_CHARS.matcher(text).replaceAll("");
        return WHITESPACE.matcher(text).replaceAll(" ").strip();
    }

    private static boolean isDateKey(String key) {
        return key.startsWith("date") || key.endsWith("Date");
    }

    private static String date(String key, String value) {
        int year;
        int month;
        int day;
        Matcher iso = ISO_DATE.matcher(value);
        Matcher numeric = NUMERIC_DATE.matcher(value);
        Matcher text = TEXT_DATE.matcher(value);
        if (iso.matches()) {
            year = Integer.parseInt(iso.group(1));
            month = Integer.parseInt(iso.group(2));
            day = Integer.parseInt(iso.group(3));
        } else if (numeric.matches()) {
            // UK order: day first. 03/04/2001 is 3 April.
            day = Integer.parseInt(numeric.group(1));
            month = Integer.parseInt(numeric.group(3));
            year = Integer.parseInt(numeric.group(4));
        } else if (text.matches() && MONTHS.containsKey(text.group(2))) {
            day = Integer.parseInt(text.group(1));
            month = MONTHS.get(text.group(2));
            year = Integer.parseInt(text.group(3));
        } else {
            throw new InvalidIdentifierException(key,
                    "not a date in a recognised format (yyyy-MM-dd, dd/MM/yyyy, dd-MM-yyyy or d MMMM yyyy)");
        }
        try {
            return LocalDate.of(year, month, day).toString();
        } catch (DateTimeException impossible) {
            throw new InvalidIdentifierException(key, "not a real calendar date");
        }
    }

    private static String localAuthority(String value) {
        // "Brighton & Hove" must meet the official "Brighton and Hove City Council", so '&' reads as "and".
        String text = value.replace("&", " and ");
        // Apostrophes join rather than split, so "King's Lynn" meets "Kings Lynn".
        text = APOSTROPHES.matcher(text).replaceAll("");
        text = PUNCTUATION.matcher(text).replaceAll(" ");
        text = WHITESPACE.matcher(text).replaceAll(" ").strip();
        text = AUTHORITY_WORDS.matcher(text).replaceAll("");
        return WHITESPACE.matcher(text).replaceAll(" ").strip();
    }

    private static String firstLetters(String value, int count) {
        StringBuilder letters = new StringBuilder();
        value.codePoints()
                .filter(Character::isLetter)
                .limit(count)
                .forEach(letters::appendCodePoint);
        return letters.toString();
    }

    private static Map<String, Integer> monthNames() {
        Map<String, Integer> names = new HashMap<>();
        for (Month month : Month.values()) {
            String name = month.name().toLowerCase(Locale.ROOT);
            names.put(name, month.getValue());
            names.put(name.substring(0, 3), month.getValue());
        }
        names.put("sept", Month.SEPTEMBER.getValue());
        return Map.copyOf(names);
    }
}
