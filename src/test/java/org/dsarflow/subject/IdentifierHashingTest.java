package org.dsarflow.subject;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The start-up check of DSAR_IDENTIFIER_KEY: a key shorter than 32 bytes stops the service, naming the variable. */
class IdentifierHashingTest {

    @Test
    void aWeakOrMissingKeyIsRefusedNamingTheVariableButNotTheKey() {
        assertThatThrownBy(() -> IdentifierHashing.requireStrongKey("short-but-secret"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("DSAR_IDENTIFIER_KEY")
                .hasMessageContaining("32 bytes")
                .hasMessageNotContaining("short-but-secret");
        assertThatThrownBy(() -> IdentifierHashing.requireStrongKey(null)).hasMessageContaining("DSAR_IDENTIFIER_KEY");
        assertThatThrownBy(() -> IdentifierHashing.requireStrongKey("x".repeat(31))).hasMessageContaining("has 31");
    }

    @Test
    void thirtyTwoBytesAreEnough() {
        assertThatCode(() -> IdentifierHashing.requireStrongKey("k".repeat(32))).doesNotThrowAnyException();
        // Counted in bytes: 16 two-byte characters are 32 bytes.
        assertThatCode(() -> IdentifierHashing.requireStrongKey("é".repeat(16))).doesNotThrowAnyException();
    }
}
