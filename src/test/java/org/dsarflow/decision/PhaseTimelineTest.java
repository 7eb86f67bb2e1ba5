package org.dsarflow.decision;

import org.dsarflow.decision.PhaseTimeline.Entry;
import org.dsarflow.subject.StudyPhase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dsarflow.subject.StudyPhase.ANALYSIS;
import static org.dsarflow.subject.StudyPhase.ARCHIVED;
import static org.dsarflow.subject.StudyPhase.CLOSED;
import static org.dsarflow.subject.StudyPhase.COLLECTION;

/** A study's phase on a date, from its dated records, with corrections replacing what they correct. */
class PhaseTimelineTest {

    private static final PhaseTimeline LIFE = PhaseTimeline.of(List.of(
            entry(COLLECTION, "2024-01-01"),
            entry(ANALYSIS, "2024-03-01"),
            entry(ARCHIVED, "2024-09-01"),
            entry(CLOSED, "2025-06-30")));

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
        "2024-01-01, COLLECTION",
        "2024-02-29, COLLECTION",
        "2024-03-01, ANALYSIS",
        "2024-08-31, ANALYSIS",
        "2024-09-01, ARCHIVED",
        "2025-06-29, ARCHIVED",
        "2025-06-30, CLOSED",
        "2030-01-01, CLOSED"
    })
    void thePhaseOnADateIsTheLatestRecordStartingOnOrBeforeIt(LocalDate date, StudyPhase phase) {
        assertThat(LIFE.on(date)).contains(phase);
    }

    @ParameterizedTest(name = "first record {0}: before it {1}")
    @CsvSource({
        "COLLECTION, COLLECTION",
        "ANALYSIS,   COLLECTION"
    })
    void beforeTheFirstRecordTheStudyWasCollectingWhenAnalysisHadNotStarted(StudyPhase first, StudyPhase before) {
        PhaseTimeline timeline = PhaseTimeline.of(List.of(entry(first, "2024-03-01")));

        assertThat(timeline.on(LocalDate.parse("2024-02-29"))).contains(before);
        assertThat(timeline.on(LocalDate.parse("2020-01-01"))).contains(before);
        assertThat(timeline.on(LocalDate.parse("2024-03-01"))).contains(first);
    }

    @ParameterizedTest(name = "first record {0}: unknown before it")
    @CsvSource({"ARCHIVED", "CLOSED"})
    void beforeAnArchivedOrClosedFirstRecordThePhaseIsUnknown(StudyPhase first) {
        PhaseTimeline timeline = PhaseTimeline.of(List.of(entry(first, "2024-03-01")));

        assertThat(timeline.on(LocalDate.parse("2024-02-29"))).isEmpty();
        assertThat(timeline.on(LocalDate.parse("2024-03-01"))).contains(first);
    }

    @Test
    void nothingRecordedIsUnknown() {
        assertThat(PhaseTimeline.of(List.of()).on(LocalDate.parse("2024-03-01"))).isEmpty();
    }

    @Test
    void aCorrectionReplacesTheRecordsFromItsDate() {
        PhaseTimeline timeline = PhaseTimeline.of(List.of(
                entry(COLLECTION, "2024-01-01"),
                entry(ANALYSIS, "2024-03-01"),
                entry(ARCHIVED, "2024-09-01"),
                entry(ANALYSIS, "2024-02-01")));

        assertThat(timeline.on(LocalDate.parse("2024-01-31"))).contains(COLLECTION);
        assertThat(timeline.on(LocalDate.parse("2024-02-01"))).contains(ANALYSIS);
        assertThat(timeline.on(LocalDate.parse("2024-10-01"))).contains(ANALYSIS);
    }

    @Test
    void aCorrectionOnTheSameDateReplacesTheRecordItCorrects() {
        PhaseTimeline timeline = PhaseTimeline.of(List.of(
                entry(COLLECTION, "2024-01-01"),
                entry(ANALYSIS, "2024-03-01"),
                entry(COLLECTION, "2024-03-01")));

        assertThat(timeline.on(LocalDate.parse("2024-03-01"))).contains(COLLECTION);
        assertThat(timeline.on(LocalDate.parse("2024-12-01"))).contains(COLLECTION);
    }

    @Test
    void aCorrectionBeforeEveryRecordReplacesThemAll() {
        PhaseTimeline timeline = PhaseTimeline.of(List.of(
                entry(ARCHIVED, "2024-03-01"),
                entry(ANALYSIS, "2024-01-01")));

        assertThat(timeline.on(LocalDate.parse("2024-06-01"))).contains(ANALYSIS);
        assertThat(timeline.on(LocalDate.parse("2023-12-31")))
                .as("the first record is now ANALYSIS, so before it the study was collecting")
                .contains(COLLECTION);
    }

    @Test
    void laterRecordsOnlyAddToTheTimeline() {
        PhaseTimeline timeline = PhaseTimeline.of(List.of(
                entry(COLLECTION, "2024-01-01"),
                entry(ANALYSIS, "2024-03-01")));

        assertThat(timeline.on(LocalDate.parse("2024-02-01"))).contains(COLLECTION);
        assertThat(timeline.on(LocalDate.parse("2024-03-02"))).contains(ANALYSIS);
    }

    private static Entry entry(StudyPhase phase, String since) {
        return new Entry(phase, LocalDate.parse(since));
    }
}
