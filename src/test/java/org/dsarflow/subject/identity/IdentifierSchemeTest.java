package org.dsarflow.subject.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdentifierSchemeTest {

    @Test
    void keysAreSortedAndDeduplicated() {
        IdentifierScheme scheme = IdentifierScheme.of(
                List.of("surnamePrefix", "localAuthority", "firstInitial", "localAuthority"));

        assertThat(scheme.keys()).containsExactly("firstInitial", "localAuthority", "surnamePrefix");
        assertThat(scheme.name()).isEqualTo("firstInitial+localAuthority+surnamePrefix");
    }

    @Test
    void sameKeysInAnyOrderAreTheSameScheme() {
        assertThat(IdentifierScheme.of(Set.of("b", "a"))).isEqualTo(new IdentifierScheme(List.of("a", "b")));
    }

    @Test
    void singleKeyName() {
        assertThat(IdentifierScheme.of(List.of("email")).name()).isEqualTo("email");
    }

    @Test
    void keysCannotBeChanged() {
        List<String> keys = new ArrayList<>(List.of("email"));
        IdentifierScheme scheme = new IdentifierScheme(keys);
        keys.add("dateOfBirth");

        assertThat(scheme.keys()).containsExactly("email");
        assertThatThrownBy(() -> scheme.keys().add("x")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void emptySchemeIsRejected() {
        assertThatThrownBy(() -> IdentifierScheme.of(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1email", "e-mail", "first initial", "email+dateOfBirth", "dateOfBirth\u0000",
        "émail"})
    void badKeySyntaxIsRejected(String key) {
        assertThatThrownBy(() -> IdentifierScheme.of(List.of("email", key)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("#2");
    }

    @Test
    void keyLengthLimit() {
        String longest = "k" + "0".repeat(63);

        assertThat(IdentifierScheme.of(List.of(longest)).keys()).containsExactly(longest);
        assertThatThrownBy(() -> IdentifierScheme.of(List.of(longest + "0")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void nullKeyIsRejected() {
        assertThatThrownBy(() -> IdentifierScheme.of(Arrays.asList("email", null)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
