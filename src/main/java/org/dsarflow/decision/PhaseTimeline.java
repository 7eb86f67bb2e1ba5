package org.dsarflow.decision;

import org.dsarflow.subject.StudyPhase;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A study's phase on any date, from its dated phase records in the order they were recorded. A later
 * record starting on or before an earlier one's date is a correction: it replaces what was recorded
 * from its date on.
 */
public final class PhaseTimeline {

    /** One recorded phase change: the study is in {@code phase} from {@code since}. */
    public record Entry(StudyPhase phase, LocalDate since) {
    }

    private final List<Entry> entries;

    private PhaseTimeline(List<Entry> entries) {
        this.entries = entries;
    }

    public static PhaseTimeline of(List<Entry> recordedInOrder) {
        List<Entry> timeline = new ArrayList<>();
        for (Entry entry : recordedInOrder) {
            timeline.removeIf(earlier -> !earlier.since().isBefore(entry.since()));
            timeline.add(entry);
        }
        return new PhaseTimeline(List.copyOf(timeline));
    }

    /**
     * The phase on {@code date}. Before the first record it is known only when that record is
     * COLLECTION or ANALYSIS: analysis had not started, so the study was collecting.
     */
    public Optional<StudyPhase> on(LocalDate date) {
        if (entries.isEmpty()) {
            return Optional.empty();
        }
        Entry first = entries.get(0);
        if (date.isBefore(first.since())) {
            return first.phase().isBefore(StudyPhase.ARCHIVED) ? Optional.of(StudyPhase.COLLECTION) : Optional.empty();
        }
        StudyPhase phase = first.phase();
        for (Entry entry : entries) {
            if (entry.since().isAfter(date)) {
                break;
            }
            phase = entry.phase();
        }
        return Optional.of(phase);
    }
}
