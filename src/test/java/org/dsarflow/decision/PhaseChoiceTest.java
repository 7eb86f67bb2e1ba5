package org.dsarflow.decision;

import org.dsarflow.decision.PhaseTimeline.Entry;
import org.dsarflow.subject.StudyPhase;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dsarflow.subject.StudyPhase.ANALYSIS;
import static org.dsarflow.subject.StudyPhase.ARCHIVED;
import static org.dsarflow.subject.StudyPhase.CLOSED;
import static org.dsarflow.subject.StudyPhase.COLLECTION;

/** The phase at receipt decides, unless it is unknown or the study has since deleted all personal data. */
class PhaseChoiceTest {

    private static final LocalDate RECEIVED = LocalDate.parse("2024-02-01");
    private static final LocalDate TODAY = LocalDate.parse("2024-06-15");

    @Test
    void anUnchangedPhaseIsUsedAtReceipt() {
        PhaseChoice choice = PhaseChoice.choose(timeline(entry(ANALYSIS, "2024-01-01")), RECEIVED, ANALYSIS, TODAY);

        assertThat(choice.atReceipt()).isEqualTo(ANALYSIS);
        assertThat(choice.today()).isEqualTo(ANALYSIS);
        assertThat(choice.used()).isEqualTo(ANALYSIS);
        assertThat(choice.basis()).isEqualTo(PhaseBasis.AT_RECEIPT);
        assertThat(choice.reason()).contains("2024-02-01", "unchanged");
    }

    @Test
    void aStudyThatStartedAnalysisAfterReceiptIsDecidedOnCollection() {
        PhaseChoice choice = PhaseChoice.choose(
                timeline(entry(COLLECTION, "2024-01-01"), entry(ANALYSIS, "2024-03-01")), RECEIVED, ANALYSIS, TODAY);

        assertThat(choice.atReceipt()).isEqualTo(COLLECTION);
        assertThat(choice.today()).isEqualTo(ANALYSIS);
        assertThat(choice.used()).isEqualTo(COLLECTION);
        assertThat(choice.basis()).isEqualTo(PhaseBasis.AT_RECEIPT);
        assertThat(choice.reason()).contains("COLLECTION on 2024-02-01", "ANALYSIS on 2024-06-15");
    }

    @Test
    void analysisStartingOnTheReceiptDateCounts() {
        PhaseChoice choice = PhaseChoice.choose(
                timeline(entry(COLLECTION, "2024-01-01"), entry(ANALYSIS, "2024-02-01")), RECEIVED, ANALYSIS, TODAY);

        assertThat(choice.used()).isEqualTo(ANALYSIS);
        assertThat(choice.basis()).isEqualTo(PhaseBasis.AT_RECEIPT);
    }

    @Test
    void aStudyArchivedAfterReceiptIsStillDecidedOnThePhaseAtReceipt() {
        PhaseChoice choice = PhaseChoice.choose(
                timeline(entry(COLLECTION, "2024-01-01"), entry(ARCHIVED, "2024-04-01")), RECEIVED, ARCHIVED, TODAY);

        assertThat(choice.used()).isEqualTo(COLLECTION);
        assertThat(choice.basis()).isEqualTo(PhaseBasis.AT_RECEIPT);
    }

    @Test
    void aStudyClosedSinceReceiptIsDecidedOnToday() {
        PhaseChoice choice = PhaseChoice.choose(
                timeline(entry(COLLECTION, "2024-01-01"), entry(CLOSED, "2024-04-01")), RECEIVED, CLOSED, TODAY);

        assertThat(choice.atReceipt()).isEqualTo(COLLECTION);
        assertThat(choice.today()).isEqualTo(CLOSED);
        assertThat(choice.used()).isEqualTo(CLOSED);
        assertThat(choice.basis()).isEqualTo(PhaseBasis.TODAY);
        assertThat(choice.reason()).contains("COLLECTION", "2024-02-01", "closed");
    }

    @Test
    void aStudyClosedAtReceiptIsDecidedAtReceipt() {
        PhaseChoice choice = PhaseChoice.choose(timeline(entry(CLOSED, "2024-01-01")), RECEIVED, CLOSED, TODAY);

        assertThat(choice.used()).isEqualTo(CLOSED);
        assertThat(choice.basis()).isEqualTo(PhaseBasis.AT_RECEIPT);
    }

    @Test
    void aPhaseUnknownAtReceiptIsTakenFromToday() {
        PhaseChoice choice = PhaseChoice.choose(timeline(entry(ARCHIVED, "2024-03-01")), RECEIVED, ARCHIVED, TODAY);

        assertThat(choice.atReceipt()).isNull();
        assertThat(choice.today()).isEqualTo(ARCHIVED);
        assertThat(choice.used()).isEqualTo(ARCHIVED);
        assertThat(choice.basis()).isEqualTo(PhaseBasis.TODAY);
        assertThat(choice.reason()).contains("2024-02-01", "ARCHIVED", "DPO should check");
    }

    @Test
    void noRecordsAtAllAreTakenFromToday() {
        PhaseChoice choice = PhaseChoice.choose(timeline(), RECEIVED, ANALYSIS, TODAY);

        assertThat(choice.atReceipt()).isNull();
        assertThat(choice.used()).isEqualTo(ANALYSIS);
        assertThat(choice.basis()).isEqualTo(PhaseBasis.TODAY);
    }

    @Test
    void aCorrectedTimelineDecidesOnTheCorrectedPhase() {
        PhaseChoice choice = PhaseChoice.choose(timeline(
                        entry(COLLECTION, "2024-01-01"), entry(ANALYSIS, "2024-03-01"), entry(ANALYSIS, "2024-01-15")),
                RECEIVED, ANALYSIS, TODAY);

        assertThat(choice.atReceipt()).isEqualTo(ANALYSIS);
        assertThat(choice.used()).isEqualTo(ANALYSIS);
        assertThat(choice.basis()).isEqualTo(PhaseBasis.AT_RECEIPT);
    }

    private static PhaseTimeline timeline(Entry... entries) {
        return PhaseTimeline.of(List.of(entries));
    }

    private static Entry entry(StudyPhase phase, String since) {
        return new Entry(phase, LocalDate.parse(since));
    }
}
