package org.dsarflow.subject.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class IdentifierHasherTest {

    private static final String SECRET = "test-identifier-key-0123456789abcdef";
    private static final IdentifierScheme EMAIL = IdentifierScheme.of(List.of("email"));
    private static final IdentifierScheme NAME_PARTS =
            IdentifierScheme.of(List.of("firstInitial", "surnamePrefix", "localAuthority"));
    private static final IdentifierScheme DATE_OF_BIRTH = IdentifierScheme.of(List.of("dateOfBirth"));
    private static final IdentifierScheme BIRTH_DATE = IdentifierScheme.of(List.of("birthDate"));

    private final IdentifierHasher hasher = IdentifierHasher.fromSecret(SECRET);

    @Test
    void knownAnswer() throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = HexFormat.of().formatHex(mac.doFinal(
                "firstInitial+localAuthority+surnamePrefix\u0000a\u0000haringey\u0000sm"
                        .getBytes(StandardCharsets.UTF_8)));

        String actual = hasher.hash(NAME_PARTS,
                Map.of("firstInitial", "a", "surnamePrefix", "sm", "localAuthority", "haringey"));

        assertThat(actual).isEqualTo(expected).hasSize(64).matches("[0-9a-f]{64}");
    }

    @Test
    void samePersonSpelledDifferentlyHashesAlike() {
        String registry = hasher.lookupHash(NAME_PARTS,
                Map.of("firstInitial", "A", "surnamePrefix", "Sm", "localAuthority", "London Borough of Haringey"))
                .orElseThrow();
        String requester = hasher.lookupHash(NAME_PARTS,
                Map.of("firstName", " alice ", "surname", "SMITH", "localAuthority", "haringey council"))
                .orElseThrow();

        assertThat(requester).isEqualTo(registry);
        assertThat(hasher.lookupHash(EMAIL, Map.of("email", "Alex.Example@Example.ORG")))
                .isEqualTo(hasher.lookupHash(EMAIL, Map.of("email", " alex.example@example.org")));
        assertThat(hasher.lookupHash(DATE_OF_BIRTH, Map.of("dateOfBirth", "4 March 2001")))
                .isEqualTo(hasher.lookupHash(DATE_OF_BIRTH, Map.of("dateOfBirth", "04/03/2001")));
    }

    @Test
    void differentPeopleHashApart() {
        assertThat(hasher.hash(EMAIL, Map.of("email", "a@b.org")))
                .isNotEqualTo(hasher.hash(EMAIL, Map.of("email", "a@c.org")));
    }

    @Test
    void sameValuesUnderDifferentSchemesHashApart() {
        Map<String, String> values = Map.of("dateOfBirth", "2001-03-04", "birthDate", "2001-03-04");

        assertThat(hasher.hash(DATE_OF_BIRTH, values)).isNotEqualTo(hasher.hash(BIRTH_DATE, values));
    }

    @Test
    void differentSecretHashesApart() {
        IdentifierHasher other = IdentifierHasher.fromSecret(SECRET + "!");
        Map<String, String> values = Map.of("email", "a@b.org");

        assertThat(other.hash(EMAIL, values)).isNotEqualTo(hasher.hash(EMAIL, values));
    }

    @Test
    void byteKeyAndSecretAgree() {
        IdentifierHasher fromBytes = new IdentifierHasher(SECRET.getBytes(StandardCharsets.UTF_8));
        Map<String, String> values = Map.of("email", "a@b.org");

        assertThat(fromBytes.hash(EMAIL, values)).isEqualTo(hasher.hash(EMAIL, values));
    }

    @Test
    void laterChangesToTheKeyArrayDoNotAffectHashes() {
        byte[] key = SECRET.getBytes(StandardCharsets.UTF_8);
        IdentifierHasher fromBytes = new IdentifierHasher(key);
        key[0] ^= 1;

        assertThat(fromBytes.hash(EMAIL, Map.of("email", "a@b.org")))
                .isEqualTo(hasher.hash(EMAIL, Map.of("email", "a@b.org")));
    }

    @Test
    void missingKeyIsRejectedWithoutValues() {
        assertThatThrownBy(() -> hasher.hash(NAME_PARTS, Map.of("firstInitial", "a", "surnamePrefix", "sm")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("localAuthority")
                .hasMessageNotContaining("sm");
        assertThatThrownBy(() -> hasher.hash(EMAIL, Map.of("email", "")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void nulInsideAValueIsRejected() {
        assertThatThrownBy(() -> hasher.hash(EMAIL, Map.of("email", "a\u0000b")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("a\u0000b");
    }

    @Test
    void shortKeysAreRejected() {
        assertThatThrownBy(() -> IdentifierHasher.fromSecret("x".repeat(31)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("32+ byte key is required");
        assertThatThrownBy(() -> new IdentifierHasher(new byte[31]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("32+ byte key is required");
        assertThatThrownBy(() -> IdentifierHasher.fromSecret(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new IdentifierHasher(null)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new IdentifierHasher(new byte[32]).hash(EMAIL, Map.of("email", "a@b.org"))).hasSize(64);
    }

    @Test
    void secretLengthCountsUtf8Bytes() {
        // 16 two-byte characters make a 32-byte key.
        assertThat(IdentifierHasher.fromSecret("é".repeat(16)).hash(EMAIL, Map.of("email", "a@b.org"))).hasSize(64);
    }

    @Test
    void hashNeverContainsTheValue() {
        String hash = hasher.lookupHash(EMAIL, Map.of("email", "abc@def.org")).orElseThrow();

        assertThat(hash).doesNotContain("abc").doesNotContain("def").doesNotContain("@");
        assertThat(hasher.hash(IdentifierScheme.of(List.of("pseudonymId")), Map.of("pseudonymId", "0123456789abcdef")))
                .doesNotContain("0123456789abcdef");
    }

    @Test
    void lookupIsEmptyWhenTheSchemeIsNotFullySupplied() {
        assertThat(hasher.lookupHash(NAME_PARTS, Map.of("firstName", "Alice", "surname", "Smith"))).isEmpty();
        assertThat(hasher.lookupHash(NAME_PARTS,
                Map.of("firstName", "Alice", "surname", "Smith", "localAuthority", "Council"))).isEmpty();
        assertThat(hasher.lookupHash(EMAIL, Map.of("email", "  "))).isEmpty();
    }

    @Test
    void lookupEqualsHashOfNormalisedValues() {
        assertThat(hasher.lookupHash(NAME_PARTS,
                Map.of("firstName", "Alice", "lastName", "O'Brien", "localAuthority", "Royal Borough of Greenwich")))
                .contains(hasher.hash(NAME_PARTS,
                        Map.of("firstInitial", "a", "surnamePrefix", "ob", "localAuthority", "greenwich")));
    }

    @Test
    void lookupRejectsImpossibleDates() {
        assertThatThrownBy(() -> hasher.lookupHash(DATE_OF_BIRTH, Map.of("dateOfBirth", "31/02/2001")))
                .isInstanceOf(InvalidIdentifierException.class);
    }

    @Test
    void hashingIsThreadSafe() {
        Map<Integer, String> expected = new ConcurrentHashMap<>();
        IntStream.range(0, 200).forEach(i -> expected.put(i, hasher.hash(EMAIL, Map.of("email", "p" + i + "@b.org"))));

        Set<Boolean> agreed = ConcurrentHashMap.newKeySet();
        IntStream.range(0, 20_000).parallel().forEach(n -> {
            int i = n % 200;
            agreed.add(expected.get(i).equals(hasher.hash(EMAIL, Map.of("email", "p" + i + "@b.org"))));
        });

        assertThat(agreed).containsExactly(true);
        assertThat(new HashSet<>(expected.values())).hasSize(200);
    }
}
