package org.dsarflow.decision;

import org.dsarflow.intake.RequestType;
import org.dsarflow.subject.Custody;
import org.dsarflow.subject.DataSource;
import org.dsarflow.subject.Identifiability;
import org.dsarflow.subject.StudyPhase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every row of the analysis-phase check (PRODUCT.md §6), one case each. */
class DecisionTableTest {

    private static final String CUSTODIAN_SENTENCE = "is held for us by a custodian";

    @ParameterizedTest(name = "{0} in {1}, anonymised: NOT_IDENTIFIABLE")
    @MethodSource("erasureTypesInEveryPhase")
    void anAnonymisedHoldingHasNothingToActOnInAnyPhase(RequestType type, StudyPhase phase) {
        for (Custody custody : Custody.values()) {
            Proposal proposal = DecisionTable.propose(type, phase, true,
                    holding(custody, Identifiability.ANONYMISED, DataSource.PRIMARY));

            assertThat(proposal.action()).isEqualTo(Action.NOT_IDENTIFIABLE);
            assertThat(proposal.basis()).contains("Art. 11(2)");
            assertThat(proposal.explanation()).startsWith("Research archive:").contains("anonymised")
                    .doesNotContain(CUSTODIAN_SENTENCE);
        }
    }

    @ParameterizedTest(name = "{0} in COLLECTION: ERASE under {1}")
    @CsvSource(delimiter = '|', value = {
        "ERASURE            | UK GDPR Art. 17(1)",
        "CONSENT_WITHDRAWAL | UK GDPR Art. 7(3) and Art. 17(1)(b): consent withdrawn",
        "OBJECTION          | UK GDPR Art. 21(1) and Art. 17(1)(c): objection, no overriding legitimate grounds"
    })
    void beforeAnalysisStartsEverythingIsErasedOnTheTypesOwnBasis(RequestType type, String basis) {
        for (HoldingFacts holding : notAnonymised()) {
            Proposal proposal = DecisionTable.propose(type, StudyPhase.COLLECTION, false, holding);

            assertThat(proposal.action()).isEqualTo(Action.ERASE);
            assertThat(proposal.basis()).isEqualTo(basis);
            assertThat(proposal.explanation()).contains("we delete all of your data");
        }
    }

    @Test
    void theErasureBasesDifferPerType() {
        HoldingFacts holding = holding(Custody.INTERNAL, Identifiability.IDENTIFIED, DataSource.PRIMARY);
        List<String> bases = Stream.of(RequestType.ERASURE, RequestType.CONSENT_WITHDRAWAL, RequestType.OBJECTION)
                .map(type -> DecisionTable.propose(type, StudyPhase.COLLECTION, false, holding).basis())
                .toList();

        assertThat(bases).doesNotHaveDuplicates();
        assertThat(bases.get(1)).contains("7(3)", "17(1)(b)");
        assertThat(bases.get(2)).contains("21(1)", "17(1)(c)");
    }

    @ParameterizedTest(name = "{0} in {1}: RETAIN_PSEUDONYMISED")
    @MethodSource("erasureTypesOnceAnalysisStarted")
    void onceAnalysisStartsIdentifiedAndPseudonymisedDataIsKeptPseudonymised(RequestType type, StudyPhase phase) {
        for (HoldingFacts holding : notAnonymised()) {
            Proposal proposal = DecisionTable.propose(type, phase, true, holding);

            assertThat(proposal.action()).isEqualTo(Action.RETAIN_PSEUDONYMISED);
            assertThat(proposal.action().needsJustification()).isTrue();
            assertThat(proposal.basis()).contains("Art. 17(3)(d)", "legitimate interests");
            assertThat(proposal.explanation()).contains("analysis had already started");
        }
    }

    @ParameterizedTest(name = "{0} in CLOSED: NOT_HELD")
    @EnumSource(value = RequestType.class)
    void aClosedStudyHoldsNothingWhateverTheRequest(RequestType type) {
        for (HoldingFacts holding : notAnonymised()) {
            Proposal proposal = DecisionTable.propose(type, StudyPhase.CLOSED, true, holding);

            assertThat(proposal.action()).isEqualTo(Action.NOT_HELD);
            assertThat(proposal.explanation()).contains("study has closed").doesNotContain(CUSTODIAN_SENTENCE);
        }
    }

    @ParameterizedTest(name = "{0} on an anonymised holding in {1}: NOT_IDENTIFIABLE")
    @MethodSource("otherTypesInEveryPhase")
    void anAnonymisedHoldingHasNothingToActOnForOtherRequestsEither(RequestType type, StudyPhase phase) {
        Proposal proposal = DecisionTable.propose(type, phase, true,
                holding(Custody.EXTERNAL, Identifiability.ANONYMISED, DataSource.PRIMARY));

        assertThat(proposal.action()).isEqualTo(Action.NOT_IDENTIFIABLE);
    }

    @ParameterizedTest(name = "{0} in {1}: {2}")
    @CsvSource({
        "RESTRICTION,   COLLECTION, RESTRICT, UK GDPR Art. 18(1)",
        "RESTRICTION,   ANALYSIS,   RESTRICT, UK GDPR Art. 18(1)",
        "RESTRICTION,   ARCHIVED,   RESTRICT, UK GDPR Art. 18(1)",
        "RECTIFICATION, COLLECTION, RECTIFY,  UK GDPR Art. 16",
        "RECTIFICATION, ANALYSIS,   RECTIFY,  UK GDPR Art. 16",
        "RECTIFICATION, ARCHIVED,   RECTIFY,  UK GDPR Art. 16",
        "ACCESS,        COLLECTION, EXPORT,   UK GDPR Art. 15(1) to (3)",
        "ACCESS,        ANALYSIS,   EXPORT,   UK GDPR Art. 15(1) to (3)",
        "ACCESS,        ARCHIVED,   EXPORT,   UK GDPR Art. 15(1) to (3)"
    })
    void restrictionRectificationAndAccessActOnAnyHoldingWithData(RequestType type, StudyPhase phase, Action action,
                                                                  String basis) {
        for (HoldingFacts holding : notAnonymised()) {
            Proposal proposal = DecisionTable.propose(type, phase, false, holding);

            assertThat(proposal.action()).isEqualTo(action);
            assertThat(proposal.basis()).isEqualTo(basis);
            assertThat(proposal.action().needsJustification()).isFalse();
        }
    }

    @ParameterizedTest(name = "PORTABILITY in {0}: primary under consent or contract is exported")
    @EnumSource(value = StudyPhase.class, names = {"COLLECTION", "ANALYSIS", "ARCHIVED"})
    void portabilityExportsPrimaryDataHeldUnderConsentOrContract(StudyPhase phase) {
        for (Identifiability identifiability : List.of(Identifiability.IDENTIFIED, Identifiability.PSEUDONYMISED)) {
            Proposal proposal = DecisionTable.propose(RequestType.PORTABILITY, phase, true,
                    holding(Custody.INTERNAL, identifiability, DataSource.PRIMARY));

            assertThat(proposal.action()).isEqualTo(Action.EXPORT);
            assertThat(proposal.basis()).isEqualTo("UK GDPR Art. 20(1)");
            assertThat(proposal.explanation()).contains("machine-readable", "JSON", "CSV");
        }
    }

    @ParameterizedTest(name = "PORTABILITY of secondary data, consent or contract {0}: NOT_APPLICABLE")
    @ValueSource(booleans = {true, false})
    void portabilityDoesNotReachDataFromOtherOrganisations(boolean consentOrContract) {
        Proposal proposal = DecisionTable.propose(RequestType.PORTABILITY, StudyPhase.ANALYSIS, consentOrContract,
                holding(Custody.INTERNAL, Identifiability.IDENTIFIED, DataSource.SECONDARY));

        assertThat(proposal.action()).isEqualTo(Action.NOT_APPLICABLE);
        assertThat(proposal.basis()).contains("Art. 20(1)(a)");
        assertThat(proposal.explanation()).contains("came from other organisations", "right of access");
    }

    @Test
    void portabilityDoesNotReachPrimaryDataHeldOnOtherBases() {
        Proposal proposal = DecisionTable.propose(RequestType.PORTABILITY, StudyPhase.COLLECTION, false,
                holding(Custody.EXTERNAL, Identifiability.IDENTIFIED, DataSource.PRIMARY));

        assertThat(proposal.action()).isEqualTo(Action.NOT_APPLICABLE);
        assertThat(proposal.explanation()).contains("not hold it under your consent or a contract")
                .doesNotContain(CUSTODIAN_SENTENCE);
    }

    @Test
    void accessExportsWithTheSupplementaryInformation() {
        Proposal proposal = DecisionTable.propose(RequestType.ACCESS, StudyPhase.ANALYSIS, false,
                holding(Custody.INTERNAL, Identifiability.PSEUDONYMISED, DataSource.SECONDARY));

        assertThat(proposal.action()).isEqualTo(Action.EXPORT);
        assertThat(proposal.explanation()).contains("lawful basis", "how long we keep it", "where it came from")
                .doesNotContain("machine-readable");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Action.class)
    void onlyActionsCarriedOutByACustodianNameTheCustodian(Action action) {
        for (RequestType type : RequestType.values()) {
            HoldingFacts internal = holding(Custody.INTERNAL, Identifiability.IDENTIFIED, DataSource.PRIMARY);
            HoldingFacts external = holding(Custody.EXTERNAL, Identifiability.IDENTIFIED, DataSource.PRIMARY);

            Proposal ours = DecisionTable.describe(action, type, internal);
            Proposal theirs = DecisionTable.describe(action, type, external);

            assertThat(ours.explanation()).doesNotContain(CUSTODIAN_SENTENCE);
            assertThat(theirs.basis()).isEqualTo(ours.basis());
            if (action.isCarriedOut()) {
                assertThat(theirs.explanation()).isEqualTo(ours.explanation()
                        + " Research archive is held for us by a custodian: we have asked them to act and will"
                        + " confirm to you once they have.");
            } else {
                assertThat(theirs.explanation()).isEqualTo(ours.explanation());
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Action.class)
    void anActionTheDpoChoseSaysSoAndNeverGivesThePhaseAsItsReason(Action action) {
        for (RequestType type : RequestType.values()) {
            HoldingFacts external = holding(Custody.EXTERNAL, Identifiability.IDENTIFIED, DataSource.PRIMARY);
            Proposal chosen = DecisionTable.chosenOnReview(action, type, external);

            assertThat(chosen.explanation()).as("%s on %s", action, type)
                    .contains("Our data protection officer decided this on reviewing your request.")
                    .doesNotContain("when we received your request", "the study has closed");
            assertThat(chosen.basis()).isEqualTo(DecisionTable.describe(action, type, external).basis());
            assertThat(chosen.explanation().endsWith("we have asked them to act and will confirm to you once they have."))
                    .isEqualTo(action.isCarriedOut());
        }
    }

    @Test
    void aCustodiansConfirmationTurnsThePromiseIntoTheDayTheyActed() {
        String promised = DecisionTable.describe(Action.ERASE, RequestType.ERASURE,
                holding(Custody.EXTERNAL, Identifiability.IDENTIFIED, DataSource.PRIMARY)).explanation();
        String internal = DecisionTable.describe(Action.ERASE, RequestType.ERASURE,
                holding(Custody.INTERNAL, Identifiability.IDENTIFIED, DataSource.PRIMARY)).explanation();

        assertThat(DecisionTable.confirmedByCustodian(promised, LocalDate.of(2025, 7, 1))).isEqualTo(internal
                + " Research archive is held for us by a custodian, who confirmed on 2025-07-01 that this has been done.");
        assertThat(DecisionTable.confirmedByCustodian(promised, null)).isEqualTo(promised);
        assertThat(DecisionTable.confirmedByCustodian(internal, LocalDate.of(2025, 7, 1))).isEqualTo(internal);
    }

    @Test
    void aProposedExternalErasureNamesTheCustodian() {
        Proposal proposal = DecisionTable.propose(RequestType.ERASURE, StudyPhase.COLLECTION, false,
                new HoldingFacts("survey", "online survey platform", Custody.EXTERNAL, Identifiability.IDENTIFIED,
                        DataSource.PRIMARY));

        assertThat(proposal.explanation()).startsWith("Online survey platform: we delete")
                .endsWith("Online survey platform is held for us by a custodian: we have asked them to act and will"
                        + " confirm to you once they have.");
    }

    @ParameterizedTest(name = "\"{0}\" relies on consent or contract")
    @ValueSource(strings = {
        "Consent",
        "consent, obtained before the survey",
        "Consent (informed consent to take part and to the processing)",
        "Performance of a contract",
        "Contract with the participant",
        "Art. 6(1)(a)",
        "UK GDPR Art. 6(1)(b)",
        "6(1)(b)",
        "Article 6(1) (b)",
        "Contractual necessity",
        "Performance of contracts",
        "Consented to at sign-up"
    })
    void consentAndContractAreRecognisedInWords(String basis) {
        assertThat(DecisionTable.reliesOnConsentOrContract(List.of(basis))).isTrue();
        assertThat(DecisionTable.reliesOnConsentOrContract(List.of("Public task", basis))).isTrue();
    }

    @ParameterizedTest(name = "\"{0}\" does not rely on consent or contract")
    @ValueSource(strings = {
        "Legitimate interests",
        "Legitimate interests of the controller (societal benefit)",
        "Legitimate interests, Art. 6(1)(f)",
        "Public task",
        "Public task, UK GDPR Art. 6(1)(e) (archiving for societal benefit)",
        "Special category condition: archiving, research and statistical purposes [Art. 9(2)(j)]",
        "Legitimate interests in working with our contractor",
        "Subcontracting research to a partner",
        "Public task delegated to contractors",
        "Art. 16(1)(a)",
        "Art. 9(2)(a) read with Art. 6(1)(e)"
    })
    void otherBasesAndWordsMerelyContainingTheLettersDoNotCount(String basis) {
        assertThat(DecisionTable.reliesOnConsentOrContract(List.of(basis))).isFalse();
    }

    @Test
    void noBasesIsNotConsentOrContract() {
        assertThat(DecisionTable.reliesOnConsentOrContract(List.of())).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(RequestType.class)
    void everyProposalIsExplainedStartingWithTheCapitalisedLocation(RequestType type) {
        for (StudyPhase phase : StudyPhase.values()) {
            for (boolean consentOrContract : new boolean[] {true, false}) {
                for (HoldingFacts holding : allHoldings()) {
                    Proposal proposal = DecisionTable.propose(type, phase, consentOrContract, holding);

                    assertThat(proposal.basis()).isNotBlank();
                    assertThat(proposal.explanation()).isNotBlank().startsWith("Research archive: ");
                }
            }
        }
    }

    @Test
    void anAlreadyCapitalisedLocationIsKeptAsItIs() {
        Proposal proposal = DecisionTable.propose(RequestType.ACCESS, StudyPhase.ANALYSIS, false,
                new HoldingFacts("drive", "UCL Data Safe Haven", Custody.INTERNAL, Identifiability.IDENTIFIED,
                        DataSource.PRIMARY));

        assertThat(proposal.explanation()).startsWith("UCL Data Safe Haven: ");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Action.class)
    void anyActionCanBeDescribedForADpoAmendment(Action action) {
        for (RequestType type : RequestType.values()) {
            for (HoldingFacts holding : allHoldings()) {
                Proposal proposal = DecisionTable.describe(action, type, holding);

                assertThat(proposal.action()).isEqualTo(action);
                assertThat(proposal.basis()).isNotBlank();
                assertThat(proposal.explanation()).isNotBlank().startsWith("Research archive: ");
            }
        }
    }

    @Test
    void anAmendmentToRetainIsDescribedAsTheTableWouldProposeIt() {
        HoldingFacts holding = holding(Custody.INTERNAL, Identifiability.IDENTIFIED, DataSource.PRIMARY);

        assertThat(DecisionTable.describe(Action.RETAIN_PSEUDONYMISED, RequestType.ERASURE, holding))
                .isEqualTo(DecisionTable.propose(RequestType.ERASURE, StudyPhase.ANALYSIS, false, holding));
        assertThat(DecisionTable.describe(Action.ERASE, RequestType.OBJECTION, holding))
                .isEqualTo(DecisionTable.propose(RequestType.OBJECTION, StudyPhase.COLLECTION, false, holding));
    }

    static Stream<Arguments> erasureTypesInEveryPhase() {
        return erasureTypes().flatMap(type -> Arrays.stream(StudyPhase.values())
                .map(phase -> Arguments.of(type, phase)));
    }

    static Stream<Arguments> erasureTypesOnceAnalysisStarted() {
        return erasureTypes().flatMap(type -> Stream.of(StudyPhase.ANALYSIS, StudyPhase.ARCHIVED)
                .map(phase -> Arguments.of(type, phase)));
    }

    static Stream<Arguments> otherTypesInEveryPhase() {
        return Stream.of(RequestType.RESTRICTION, RequestType.RECTIFICATION, RequestType.ACCESS,
                        RequestType.PORTABILITY)
                .flatMap(type -> Arrays.stream(StudyPhase.values()).map(phase -> Arguments.of(type, phase)));
    }

    private static Stream<RequestType> erasureTypes() {
        return Stream.of(RequestType.ERASURE, RequestType.CONSENT_WITHDRAWAL, RequestType.OBJECTION);
    }

    /** Identified and pseudonymised holdings, in and out of our custody, from either source. */
    private static List<HoldingFacts> notAnonymised() {
        return allHoldings().stream().filter(h -> h.identifiability() != Identifiability.ANONYMISED).toList();
    }

    private static List<HoldingFacts> allHoldings() {
        return Arrays.stream(Custody.values())
                .flatMap(custody -> Arrays.stream(Identifiability.values())
                        .flatMap(identifiability -> Arrays.stream(DataSource.values())
                                .map(source -> holding(custody, identifiability, source))))
                .toList();
    }

    /** A lower-case location, so the explanation has to capitalise it. */
    private static HoldingFacts holding(Custody custody, Identifiability identifiability, DataSource source) {
        return new HoldingFacts("archive", "research archive", custody, identifiability, source);
    }
}
