package org.dsarflow.subject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * A registry of invented people for demos and benchmarks: the same seed gives the same people, and no
 * value can belong to anyone real (emails are under the reserved .invalid domain).
 */
public final class SyntheticRegistry {

    private static final String[] INITIALS = "abcdefghijklmnopqrstuvwxyz".split("");
    private static final String[] SURNAME_PREFIXES = {"sm", "jo", "wi", "br", "ta", "da", "ev", "th", "ro", "wa",
            "ha", "ed", "gr", "ch", "mo", "ba", "cl", "ki", "le", "pa"};
    private static final String[] LOCAL_AUTHORITIES = {"Bexley", "Haringey", "Leeds", "Manchester", "Cornwall",
            "Kent", "Camden", "Sheffield", "Bristol", "Norfolk", "Devon", "Croydon", "Wigan", "Luton", "York"};

    private final StudyDescription study;
    private final List<String> identifierKeys;
    private final List<String> heldIn;

    public SyntheticRegistry(StudyDescription study) {
        this.study = study;
        this.identifierKeys = List.copyOf(new TreeSet<>(study.identifierSchemes().stream().flatMap(List::stream).toList()));
        this.heldIn = study.holdings().stream()
                .filter(h -> h.identifiability() != Identifiability.ANONYMISED)
                .map(StudyDescription.HoldingDescription::key)
                .toList();
    }

    /** Writes a CSV registry of {@code count} people, streamed, ready for the registry import. */
    public void writeCsv(long count, long seed, Writer out) {
        try {
            List<String> header = new ArrayList<>(List.of("subjectRef", "category", "holdings"));
            identifierKeys.forEach(key -> header.add("id." + key));
            header.add("attr.wellbeingScore");
            out.write(String.join(",", header));
            out.write('\n');
            SplittableRandom random = new SplittableRandom(seed);
            for (long n = 1; n <= count; n++) {
                List<String> row = new ArrayList<>(List.of(subjectRef(n), category(n), holdings(random)));
                for (String key : identifierKeys) {
                    row.add(identifier(key, n, random));
                }
                row.add(Integer.toString(1 + random.nextInt(10)));
                out.write(String.join(",", row));
                out.write('\n');
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String subjectRef(long n) {
        return "SYN-%07d".formatted(n);
    }

    /** The email of synthetic person {@code n}: what a benchmark or demo supplies to locate them. */
    public static String email(long n) {
        return "person.%07d@synthetic.invalid".formatted(n);
    }

    private String category(long n) {
        List<String> categories = study.categories() == null || study.categories().isEmpty()
                ? List.of("PARTICIPANT") : study.categories();
        return categories.get((int) (n % categories.size()));
    }

    private String holdings(SplittableRandom random) {
        List<String> held = new ArrayList<>();
        for (String holding : heldIn) {
            if (held.isEmpty() || random.nextInt(3) > 0) {
                held.add(holding);
            }
        }
        return String.join(";", held);
    }

    private static String identifier(String key, long n, SplittableRandom random) {
        return switch (key) {
            case "email" -> email(n);
            case "firstInitial" -> INITIALS[random.nextInt(INITIALS.length)];
            case "surnamePrefix" -> SURNAME_PREFIXES[random.nextInt(SURNAME_PREFIXES.length)];
            case "localAuthority" -> LOCAL_AUTHORITIES[random.nextInt(LOCAL_AUTHORITIES.length)];
            case "dateOfBirth" -> LocalDate.of(1960, 1, 1).plusDays(random.nextInt(20_000)).toString();
            case "socialWorkerNumber" -> "SW%07d".formatted(n);
            case "pseudonymId" -> "PSN-%07d".formatted(n);
            default -> key + "-" + n;
        };
    }
}
