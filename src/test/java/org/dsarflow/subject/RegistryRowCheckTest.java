package org.dsarflow.subject;

import org.dsarflow.subject.identity.IdentifierHasher;
import org.dsarflow.subject.identity.IdentifierScheme;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class RegistryRowCheckTest {

    private static final IdentifierScheme EMAIL = IdentifierScheme.of(List.of("email"));
    private static final IdentifierScheme NAME_PARTS =
            IdentifierScheme.of(List.of("firstInitial", "surnamePrefix", "localAuthority"));
    private static final IdentifierScheme BIRTH = IdentifierScheme.of(List.of("dateOfBirth", "surnamePrefix"));
    /** survey is held externally; drive is internal and identified, so it keeps raw identifiers. */
    private static final StudyShape STUDY = new StudyShape("study-x", Set.of("survey", "drive"), Set.of("drive"),
            List.of(EMAIL, NAME_PARTS, BIRTH));

    private final IdentifierHasher hasher = IdentifierHasher.fromSecret("test-identifier-key-0123456789abcdef");
    private final RegistryRowCheck check = new RegistryRowCheck(STUDY, hasher, 10_000);

    @Test
    void aGoodRowIsReadyToWriteWithTheHashOfEverySchemeItCompletes() {
        RegistryDraftRow draft = new RegistryDraftRow(2, " P-1 ", " SOCIAL_WORKER ",
                Map.of("email", " One@Example.ORG ", "firstName", "Ann", "surname", "Smith",
                        "localAuthority", "London Borough of Bexley"),
                List.of("survey", "drive"), Map.of("stressScore", "4"));

        RegistryWriter.PreparedRow row = passed(check.check(draft));

        assertThat(row).isEqualTo(new RegistryWriter.PreparedRow(2, "P-1", "SOCIAL_WORKER", Set.of("survey", "drive"),
                Map.of("stressScore", "4", "identifier.email", "One@Example.ORG", "identifier.firstName", "Ann",
                        "identifier.surname", "Smith", "identifier.localAuthority", "London Borough of Bexley"),
                Map.of("email", hasher.hash(EMAIL, Map.of("email", "one@example.org")),
                        NAME_PARTS.name(), hasher.hash(NAME_PARTS,
                                Map.of("firstInitial", "a", "surnamePrefix", "sm", "localAuthority", "bexley")))));
        assertThat(row.lookups().keySet()).as("in the study's order of schemes")
                .containsExactly("email", "firstInitial+localAuthority+surnamePrefix");
    }

    @Test
    void rawIdentifiersAreKeptOnlyForAHoldingThatHoldsThem() {
        RegistryWriter.PreparedRow row = passed(check.check(draft(2, "P-2", Map.of("email", "two@example.org"),
                List.of("survey"), Map.of("stressScore", "2"))));

        assertThat(row.attributes()).isEqualTo(Map.of("stressScore", "2"));
        assertThat(row.lookups()).containsOnlyKeys("email");
    }

    @Test
    void oneSubjectSpelledTwoWaysHasTheSameHashes() {
        RegistryWriter.PreparedRow registry = passed(check.check(draft(2, "S-1",
                Map.of("firstInitial", "A", "surnamePrefix", "Sm", "localAuthority", "London Borough of Haringey",
                        "dateOfBirth", "2001-03-04"), List.of("survey"), Map.of())));
        RegistryWriter.PreparedRow respelled = passed(check.check(draft(3, "S-2",
                Map.of("firstName", " alice ", "surname", "SMITH", "localAuthority", "haringey council",
                        "dateOfBirth", "4 March 2001"), List.of("survey"), Map.of())));

        assertThat(respelled.lookups()).isEqualTo(registry.lookups())
                .containsOnlyKeys(NAME_PARTS.name(), BIRTH.name());
    }

    @Test
    void aRowThatCouldNotBeReadIsRejectedWithItsProblem() {
        assertThat(check.check(RegistryDraftRow.unreadable(3, "has 7 fields; the header has 8")))
                .isEqualTo(rejected(3, "has 7 fields; the header has 8"));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "  ", "P 1", "-P1", ".P1", "P/1", "P1ü",
            "P1234567890123456789012345678901234567890123456789012345678901234"})
    void aSubjectRefMustBeOneTo64PlainCharacters(String subjectRef) {
        assertThat(check.check(draft(4, subjectRef, Map.of("email", "a@example.org"), List.of("survey"), Map.of())))
                .isEqualTo(rejected(4, "subjectRef is missing or not 1 to 64 letters, digits, '.', '_' or '-'"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"P", "p.1_a-B", "P123456789012345678901234567890123456789012345678901234567890123"})
    void aPlainSubjectRefPasses(String subjectRef) {
        assertThat(passed(check.check(draft(4, subjectRef, Map.of("email", "a@example.org"), List.of("survey"), Map.of())))
                .subjectRef()).isEqualTo(subjectRef);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "social worker", "Social_Worker", "SOCIAL-WORKER", "_CARER",
            "ABCDEFGHIJKLMNOPQRSTUVWXYZ_ABCDEF"})
    void aCategoryMustBeAnUpperCaseName(String category) {
        RegistryDraftRow draft = new RegistryDraftRow(5, "P-5", category, Map.of("email", "a@example.org"),
                List.of("survey"), Map.of());

        assertThat(check.check(draft))
                .isEqualTo(rejected(5, "category is missing or not an upper-case name such as SOCIAL_WORKER"));
    }

    @Test
    void aRowMustNameAHoldingOfTheStudy() {
        assertThat(check.check(draft(6, "P-6", Map.of("email", "a@example.org"), List.of(), Map.of())))
                .isEqualTo(rejected(6, "names no holding"));
        assertThat(check.check(draft(7, "P-7", Map.of("email", "a@example.org"), List.of("survey", "laptop"), Map.of())))
                .isEqualTo(rejected(7, "names holding 'laptop', which study study-x does not have"));
    }

    @Test
    void attributeAndIdentifierNamesMustBePlainNames() {
        assertThat(check.check(draft(8, "P-8", Map.of("email", "a@example.org"), List.of("survey"),
                Map.of("stress score", "4")))).isEqualTo(rejected(8, "has an attribute name that is not a plain name"));
        assertThat(check.check(draft(9, "P-9", Map.of("email", "a@example.org", "e-mail", "b@example.org"),
                List.of("survey"), Map.of()))).isEqualTo(rejected(9, "has an identifier name that is not a plain name"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2001-02-31", "31/02/2001", "yesterday", "2001"})
    void aDateThatIsNotARealDateIsRejectedWithoutItsValue(String date) {
        assertThat(check.check(draft(10, "P-10", Map.of("email", "a@example.org", "dateOfBirth", date),
                List.of("survey"), Map.of()))).isEqualTo(rejected(10, "identifier dateOfBirth is not valid"));
    }

    @Test
    void aDateIdentifierOutsideEverySchemeIsCheckedToo() {
        assertThat(check.check(draft(11, "P-11", Map.of("email", "a@example.org", "consentDate", "2020-13-01"),
                List.of("survey"), Map.of()))).isEqualTo(rejected(11, "identifier consentDate is not valid"));
    }

    @Test
    void aRowMustCompleteOneSchemeOfTheStudy() {
        String problem = "has no identifiers that complete a scheme of the study"
                + " (email, firstInitial+localAuthority+surnamePrefix, dateOfBirth+surnamePrefix)";

        assertThat(check.check(draft(12, "P-12", Map.of(), List.of("survey"), Map.of())))
                .isEqualTo(rejected(12, problem));
        assertThat(check.check(draft(13, "P-13", Map.of("firstInitial", "A", "surnamePrefix", "Sm"),
                List.of("survey"), Map.of()))).isEqualTo(rejected(13, problem));
        assertThat(check.check(draft(14, "P-14", Map.of("firstInitial", "A", "surnamePrefix", "Sm",
                        "localAuthority", "Council"), List.of("survey"), Map.of())))
                .as("a local authority that is only 'Council' normalises to nothing").isEqualTo(rejected(14, problem));
    }

    @Test
    void aFileNamesEachSubjectOnce() {
        passed(check.check(draft(2, "G-1", Map.of("email", "g1@example.org"), List.of("survey"), Map.of())));

        assertThat(check.check(draft(6, " G-1 ", Map.of("email", "dup@example.org"), List.of("survey"), Map.of())))
                .isEqualTo(rejected(6, "repeats subjectRef G-1 of line 2"));
        assertThat(check.check(draft(7, "G-1", Map.of("email", "dup@example.org"), List.of("laptop"), Map.of())))
                .as("the row's own problem comes first").isEqualTo(rejected(7,
                        "names holding 'laptop', which study study-x does not have"));
    }

    @Test
    void aRejectedRowDoesNotTakeItsSubjectRef() {
        assertThat(check.check(draft(2, "G-2", Map.of("email", "g2@example.org"), List.of("laptop"), Map.of())))
                .isInstanceOf(RegistryRowCheck.Rejected.class);

        assertThat(passed(check.check(draft(3, "G-2", Map.of("email", "g2@example.org"), List.of("survey"), Map.of())))
                .line()).isEqualTo(3);
    }

    @Test
    void theFirstProblemOfARowIsTheOneNamed() {
        RegistryDraftRow draft = new RegistryDraftRow(15, "bad ref", "bad category", Map.of("e-mail", "x"),
                List.of("laptop"), Map.of("bad name", "x"));

        assertThat(check.check(draft))
                .isEqualTo(rejected(15, "subjectRef is missing or not 1 to 64 letters, digits, '.', '_' or '-'"));
    }

    @Test
    void aValuePastTheCellLimitOrWithANulIsRejectedWithoutBeingQuoted() {
        String megabyte = "=".repeat(1_000_000);
        assertThat(check.check(draft(2, "P-9", Map.of("email", "nine@example.org"), List.of("survey"),
                Map.of("note", megabyte)))).isEqualTo(rejected(2, "has a value longer than 10000 characters"));
        assertThat(check.check(draft(3, "P-10", Map.of("email", "ten\u0000@example.org"), List.of("survey"), Map.of())))
                .isEqualTo(rejected(3, "has a value with a NUL character"));
    }

    private static RegistryDraftRow draft(long line, String subjectRef, Map<String, String> identifiers,
                                          List<String> holdings, Map<String, String> attributes) {
        return new RegistryDraftRow(line, subjectRef, "SOCIAL_WORKER", identifiers, holdings, attributes);
    }

    /** The rejection, with the reason code its problem stands for. */
    private static RegistryRowCheck.Outcome rejected(long line, String problem) {
        return new RegistryRowCheck.Rejected(new ImportReport.Rejection(line, reasonOf(problem), problem));
    }

    private static RejectionReason reasonOf(String problem) {
        Map<String, RejectionReason> byStart = new java.util.LinkedHashMap<>();
        byStart.put("has a value longer", RejectionReason.VALUE_TOO_LONG);
        byStart.put("has a value with a NUL", RejectionReason.NUL_CHARACTER);
        byStart.put("subjectRef is missing", RejectionReason.INVALID_SUBJECT_REF);
        byStart.put("category is missing", RejectionReason.INVALID_CATEGORY);
        byStart.put("names no holding", RejectionReason.NO_HOLDING);
        byStart.put("names holding", RejectionReason.UNKNOWN_HOLDING);
        byStart.put("has an attribute name", RejectionReason.INVALID_NAME);
        byStart.put("has an identifier name", RejectionReason.INVALID_NAME);
        byStart.put("identifier ", RejectionReason.INVALID_IDENTIFIER);
        byStart.put("has no identifiers", RejectionReason.NO_COMPLETE_SCHEME);
        byStart.put("repeats subjectRef", RejectionReason.REPEATED_SUBJECT_REF);
        return byStart.entrySet().stream().filter(e -> problem.startsWith(e.getKey())).map(Map.Entry::getValue)
                .findFirst().orElse(RejectionReason.UNREADABLE);
    }

    private static RegistryWriter.PreparedRow passed(RegistryRowCheck.Outcome outcome) {
        assertThat(outcome).isInstanceOf(RegistryRowCheck.Passed.class);
        return ((RegistryRowCheck.Passed) outcome).row();
    }
}
