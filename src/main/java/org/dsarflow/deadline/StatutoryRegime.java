package org.dsarflow.deadline;

import org.dsarflow.intake.RequestType;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The rules on time limits that govern a request, chosen by the day it was received: each regime applies
 * to requests received on or after the day it took effect, until the next one did. A request keeps its
 * regime for life, whatever happens to its clock later.
 */
public enum StatutoryRegime {

    /**
     * UK GDPR Art 12(3)-(6) as the ICO reads it: one calendar month from receipt; identity or a fee restart
     * the month from the day they arrive; a clarification stops the clock of any request.
     */
    ARTICLE_12("UK GDPR Article 12, with the ICO's guidance", "Article 12 of the UK GDPR",
            LocalDate.of(2018, 5, 25), null),

    /**
     * UK GDPR Art 12A, inserted by the Data (Use and Access) Act 2025 s.76 and commenced by SI 2026/82: the
     * period runs from the "relevant time" (the latest of receipt, identity information and fee), and a
     * clarification stops it only for a request under Article 15 (access), Art 12A(5).
     */
    ARTICLE_12A("UK GDPR Article 12A (Data (Use and Access) Act 2025, s.76)",
            "Article 12A of the UK GDPR, added by the Data (Use and Access) Act 2025", LocalDate.of(2026, 2, 5),
            RequestType.ACCESS);

    private static final List<StatutoryRegime> LATEST_FIRST = List.of(values()).stream()
            .sorted(Comparator.comparing(StatutoryRegime::since).reversed())
            .toList();

    private final String title;
    private final String inPlainWords;
    private final LocalDate since;
    private final RequestType onlyTypePausedForClarification;

    StatutoryRegime(String title, String inPlainWords, LocalDate since, RequestType onlyTypePausedForClarification) {
        this.title = title;
        this.inPlainWords = inPlainWords;
        this.since = since;
        this.onlyTypePausedForClarification = onlyTypePausedForClarification;
    }

    /** The regime in force on the day of receipt; a date before the first regime gets the first. */
    public static StatutoryRegime forReceipt(LocalDate receivedOn) {
        Objects.requireNonNull(receivedOn, "receivedOn");
        return LATEST_FIRST.stream().filter(regime -> !receivedOn.isBefore(regime.since)).findFirst()
                .orElse(LATEST_FIRST.get(LATEST_FIRST.size() - 1));
    }

    /** The rules' name as a reader would say it. */
    public String title() {
        return title;
    }

    /** The rules as a letter to the requester names them, e.g. "Article 12 of the UK GDPR". */
    public String inPlainWords() {
        return inPlainWords;
    }

    /** The first day of receipt the regime governs. */
    public LocalDate since() {
        return since;
    }

    /** Whether asking this type of request for clarification stops its clock under this regime. */
    public boolean clarificationPauses(RequestType type) {
        return onlyTypePausedForClarification == null || onlyTypePausedForClarification == type;
    }

    /**
     * Why a clarification asked of this type of request leaves its clock running, or null where it pauses it.
     * Names the provision, so the DPO and the auditor can look it up.
     */
    public String clarificationNote(RequestType type) {
        if (clarificationPauses(type)) {
            return null;
        }
        return "Art 12A(5) UK GDPR: only a request under Article 15 (access) stops the clock for clarification;"
                + " the clock of this request keeps running while we wait for the answer";
    }

    /** The key, name and first day of the regime, as the API shows it. */
    public Summary summary() {
        return new Summary(name(), title, since);
    }

    /** {@code {key, name, since}}: the rules applied, named for readers of the API. */
    public record Summary(String key, String name, LocalDate since) {
    }
}
