package org.dsarflow.subject.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class IdentifierNormaliserTest {

    private static String normalised(String key, String value) {
        return IdentifierNormaliser.normalise(key, value).orElseThrow();
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc def", "ABC DEF", "  abc def  ", "abc \t\n  def", "ＡＢＣ　ＤＥＦ", "Abc\u00A0Def",
        "abc\u200B def", "\uFEFFabc def"})
    void generalStepsTrimFoldAndCollapse(String value) {
        assertThat(normalised("pseudonymId", value)).isEqualTo("abc def");
    }

    @Test
    void nfkcExpandsLigaturesAndFullWidthForms() {
        assertThat(normalised("pseudonymId", "ﬁle")).isEqualTo("file");
        assertThat(normalised("pseudonymId", "ＡＢＣ")).isEqualTo("abc");
        assertThat(normalised("pseudonymId", "ＡＢＣ１２３")).isEqualTo("abc123");
    }

    @Test
    void sharpSFoldsToSsLikeFullCaseFolding() {
        assertThat(normalised("pseudonymId", "Straße")).isEqualTo(normalised("pseudonymId", "STRASSE"));
        assertThat(normalised("pseudonymId", "STRAẞE")).isEqualTo("strasse");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\t\n", "\u200B"})
    void nothingLeftIsEmpty(String value) {
        assertThat(IdentifierNormaliser.normalise("email", value)).isEmpty();
        assertThat(IdentifierNormaliser.normalise("dateOfBirth", value)).isEmpty();
        assertThat(IdentifierNormaliser.normalise("localAuthority", value)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "email | \" Alex.Example@Example.ORG \"", "localAuthority | City of York Council",
        "dateOfBirth | 3 March 2001", "socialWorkerNumber | SW 123-456", "surnamePrefix | O'Brien",
        "pseudonymId | İstanbul ẞ"})
    void normalisingTwiceChangesNothing(String key, String value) {
        String once = normalised(key, value);

        assertThat(normalised(key, once)).isEqualTo(once);
    }

    @Test
    void emailIsLowerCasedWholeAndOtherwiseKept() {
        assertThat(normalised("email", "Alex.Example@Example.ORG")).isEqualTo("alex.example@example.org");
        assertThat(normalised("email", " alex.example+dsar@example.org ")).isEqualTo("alex.example+dsar@example.org");
        assertThat(normalised("email", "alexexample@example.org"))
                .isNotEqualTo(normalised("email", "alex.example@example.org"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2001-03-04", " 2001-03-04 ", "04/03/2001", "4/3/2001", "04-03-2001", "4 March 2001",
        "4 MARCH 2001", "4 mar 2001", "4th March 2001", "04 Mar. 2001", "２００１-０３-０４"})
    void datesBecomeIso(String value) {
        assertThat(normalised("dateOfBirth", value)).isEqualTo("2001-03-04");
    }

    @Test
    void septemberAbbreviations() {
        assertThat(normalised("dateOfBirth", "9 Sep 2010")).isEqualTo("2010-09-09");
        assertThat(normalised("dateOfBirth", "9 Sept 2010")).isEqualTo("2010-09-09");
    }

    @ParameterizedTest
    @ValueSource(strings = {"consentDate", "dateOfWithdrawal", "dateOfBirth"})
    void dateRulesApplyToDateNamedKeys(String key) {
        assertThat(normalised(key, "31/12/2019")).isEqualTo("2019-12-31");
    }

    @Test
    void keysThatMerelyContainDateAreNotDates() {
        assertThat(normalised("candidate", "31/12/2019")).isEqualTo("31/12/2019");
    }

    @ParameterizedTest
    @ValueSource(strings = {"31/02/2001", "2001-02-29", "29 February 2001", "00/01/2001", "12/13/2001", "2001-13-01"})
    void impossibleDatesAreInvalid(String value) {
        assertThatThrownBy(() -> IdentifierNormaliser.normalise("dateOfBirth", value))
                .isInstanceOf(InvalidIdentifierException.class)
                .hasMessageContaining("dateOfBirth")
                .hasMessageContaining("not a real calendar date");
    }

    @ParameterizedTest
    @ValueSource(strings = {"yesterday", "2001/03/04", "4 Marchember 2001", "01-03-01", "2001-3-4", "2001-03-04T10:00"})
    void unrecognisedDatesAreInvalid(String value) {
        assertThatThrownBy(() -> IdentifierNormaliser.normalise("dateOfBirth", value))
                .isInstanceOf(InvalidIdentifierException.class)
                .hasMessageContaining("recognised format")
                .extracting(e -> ((InvalidIdentifierException) e).key())
                .isEqualTo("dateOfBirth");
    }

    @Test
    void leapDayIsRealInLeapYears() {
        assertThat(normalised("dateOfBirth", "29/02/2004")).isEqualTo("2004-02-29");
    }

    @ParameterizedTest
    @ValueSource(strings = {"London Borough of Bexley", "bexley", "Bexley Council", "LONDON BOROUGH OF BEXLEY.",
        "  Bexley  ", "Borough of Bexley", "Bexley Borough Council", "london  borough   of bexley"})
    void bexleySpellingsMeet(String value) {
        assertThat(normalised("localAuthority", value)).isEqualTo("bexley");
    }

    @Test
    void haringeyExampleFromTheSpec() {
        assertThat(normalised("localAuthority", "London borough of Haringey"))
                .isEqualTo(normalised("localAuthority", "Haringey"))
                .isEqualTo("haringey");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "Royal Borough of Greenwich | greenwich",
        "Royal Borough of Kensington and Chelsea | kensington and chelsea",
        "City of York Council | york",
        "Westminster City Council | westminster",
        "City of Westminster | westminster",
        "Kent County Council | kent",
        "Brighton & Hove City Council | brighton and hove",
        "Brighton and Hove | brighton and hove",
        "Stoke-on-Trent City Council | stoke on trent",
        "King's Lynn and West Norfolk | kings lynn and west norfolk",
        "St. Helens Borough Council | st helens",
        "Councillor Road | councillor road",
        "Royal Borough of Windsor & Maidenhead | windsor and maidenhead"})
    void authorityWordsAndPunctuationAreDropped(String value, String expected) {
        assertThat(normalised("localAuthority", value)).isEqualTo(expected);
    }

    @Test
    void cityOfLondonEqualsLondon() {
        // Accepted: a scheme using localAuthority always has other keys that must match too.
        assertThat(normalised("localAuthority", "City of London")).isEqualTo("london");
        assertThat(normalised("localAuthority", "London")).isEqualTo("london");
    }

    @Test
    void anAuthorityOfOnlyDroppedWordsIsEmpty() {
        assertThat(IdentifierNormaliser.normalise("localAuthority", "Council.")).isEmpty();
        assertThat(IdentifierNormaliser.normalise("localAuthority", "City of / County Council")).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "Alice | a", "a. | a", "  ALICE | a", "'alice | a", "Élodie | é", "ﬁona | f"})
    void firstInitialIsTheFirstLetter(String value, String expected) {
        assertThat(normalised("firstInitial", value)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "Smith | sm", "sm | sm", "SM | sm", "O'Brien | ob", "o brien | ob", "Ó'Néill | ón", "O | o", "Straße | st",
        "ßmith | ss"})
    void surnamePrefixIsTheFirstTwoLetters(String value, String expected) {
        assertThat(normalised("surnamePrefix", value)).isEqualTo(expected);
    }

    @Test
    void namePartsWithoutLettersAreEmpty() {
        assertThat(IdentifierNormaliser.normalise("firstInitial", "1.")).isEmpty();
        assertThat(IdentifierNormaliser.normalise("surnamePrefix", "--")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"SW 123-456", "sw123456", "SW123456", " sw 123 456 ", "SW-123-456", "SW\u2010123\u2013456"})
    void socialWorkerNumberDropsSpacesAndHyphens(String value) {
        assertThat(normalised("socialWorkerNumber", value)).isEqualTo("sw123456");
    }

    @Test
    void pseudonymIdKeepsInnerStructure() {
        assertThat(normalised("pseudonymId", " MOD-00 17 ")).isEqualTo("mod-00 17");
    }

    @Test
    void schemeKeysAreDerivedFromNames() {
        Map<String, String> derived = IdentifierNormaliser.deriveSchemeKeys(
                Map.of("firstName", "Alice", "surname", "O'Brien", "localAuthority", "Haringey"));

        assertThat(derived).containsEntry("firstInitial", "a")
                .containsEntry("surnamePrefix", "ob")
                .containsEntry("firstName", "Alice")
                .containsEntry("surname", "O'Brien")
                .containsEntry("localAuthority", "Haringey");
    }

    @Test
    void lastNameServesWhenSurnameIsAbsent() {
        assertThat(IdentifierNormaliser.deriveSchemeKeys(Map.of("lastName", "Smith")))
                .containsEntry("surnamePrefix", "sm")
                .doesNotContainKey("firstInitial");
    }

    @Test
    void suppliedSchemeKeysWinOverDerivedOnes() {
        Map<String, String> derived = IdentifierNormaliser.deriveSchemeKeys(
                Map.of("firstName", "Alice", "firstInitial", "B", "surname", "Smith", "surnamePrefix", "Jo"));

        assertThat(derived).containsEntry("firstInitial", "B").containsEntry("surnamePrefix", "Jo");
    }

    @Test
    void blankSuppliedSchemeKeysDoNotBlockDerivation() {
        Map<String, String> supplied = new HashMap<>();
        supplied.put("firstInitial", " ");
        supplied.put("firstName", "Alice");
        supplied.put("surname", null);
        supplied.put("lastName", "Smith");

        assertThat(IdentifierNormaliser.deriveSchemeKeys(supplied))
                .containsEntry("firstInitial", "a")
                .containsEntry("surnamePrefix", "sm");
    }

    @Test
    void nothingToDeriveFrom() {
        assertThat(IdentifierNormaliser.deriveSchemeKeys(Map.of("email", "a@b.org")))
                .isEqualTo(Map.of("email", "a@b.org"));
    }
}
