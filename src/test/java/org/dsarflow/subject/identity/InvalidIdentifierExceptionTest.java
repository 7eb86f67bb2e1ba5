package org.dsarflow.subject.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InvalidIdentifierExceptionTest {

    @ParameterizedTest
    @ValueSource(strings = {"31/02/2001", "2001-02-30", "30 February 2001", "Alice Smith 1990", "12/13/1999",
        "not-a-date-alice@example.org"})
    void messagesNameTheKeyButNeverTheValue(String value) {
        InvalidIdentifierException fromNormaliser = catchThrowableOfType(InvalidIdentifierException.class,
                () -> IdentifierNormaliser.normalise("dateOfBirth", value));
        InvalidIdentifierException fromLookup = catchThrowableOfType(InvalidIdentifierException.class,
                () -> IdentifierHasher.fromSecret("k".repeat(32))
                        .lookupHash(IdentifierScheme.of(List.of("dateOfBirth")), Map.of("dateOfBirth", value)));

        for (InvalidIdentifierException e : List.of(fromNormaliser, fromLookup)) {
            assertThat(e.key()).isEqualTo("dateOfBirth");
            assertThat(e.getMessage()).contains("dateOfBirth")
                    .doesNotContain(value)
                    .doesNotContain(value.toLowerCase())
                    .doesNotContainPattern("\\d");
            assertThat(e.toString()).doesNotContain(value);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"consentDate", "dateOfWithdrawal"})
    void otherDateKeysAreNamed(String key) {
        InvalidIdentifierException e = catchThrowableOfType(InvalidIdentifierException.class,
                () -> IdentifierNormaliser.normalise(key, "32/01/2020"));

        assertThat(e.key()).isEqualTo(key);
        assertThat(e.getMessage()).contains(key).doesNotContain("32/01/2020").doesNotContain("2020");
    }
}
