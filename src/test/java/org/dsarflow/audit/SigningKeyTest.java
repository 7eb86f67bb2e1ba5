package org.dsarflow.audit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The checkpoint signing key as operators give it: what openssl genpkey writes, PEM or DER in base64. */
class SigningKeyTest {

    /** Made with openssl genpkey -algorithm ed25519 for this test only. */
    static final String PEM = """
            -----BEGIN PRIVATE KEY-----
            MC4CAQAwBQYDK2VwBCIEIHshSrzaIIHyK8R3J0tEhHdB/X3/aasU4X3HOwkeh3JW
            -----END PRIVATE KEY-----
            """;
    static final String DER_BASE64 = "MC4CAQAwBQYDK2VwBCIEIHshSrzaIIHyK8R3J0tEhHdB/X3/aasU4X3HOwkeh3JW";
    /** What openssl pkey -pubout says of it. */
    static final String PUBLIC_DER_BASE64 = "MCowBQYDK2VwAyEAoXN5w+YT8iOeMXCMbVMh/Dib/W5driUsUVXdLnkucvg=";

    @Test
    void thePublicKeyIsTheOneOpensslDerives() {
        for (String given : new String[]{PEM, DER_BASE64}) {
            SigningKey key = SigningKey.parse(given);
            assertThat(Base64.getEncoder().encodeToString(key.publicKey().getEncoded())).isEqualTo(PUBLIC_DER_BASE64);
        }
    }

    @Test
    void aSignatureVerifiesUnderThePublicKeyAndOnlyForWhatWasSigned() throws Exception {
        SigningKey key = SigningKey.parse(PEM);
        byte[] statement = "dsarflow-audit-checkpoint:7:abc:2026-12-01T02:15:00Z".getBytes(StandardCharsets.UTF_8);
        byte[] signature = key.sign(statement);
        assertThat(verifies(key, statement, signature)).isTrue();
        assertThat(verifies(key, "dsarflow-audit-checkpoint:6:abc:2026-12-01T02:15:00Z"
                .getBytes(StandardCharsets.UTF_8), signature)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"not a key", "c2VjcmV0", PUBLIC_DER_BASE64,
            // An RSA key in PKCS#8: well-formed, but not Ed25519.
            "MIIBOwIBAAJBAL3qn/3WMRHOnocNlTulSZoapFCGb1a7ThMtnMTjfCUqz+1s7WVMAubHzBJX8Ugcud2/bFRby2Lg768s/tR/vRcCAwEAAQJAFq8ztQokik/3t4Hz1VAE3pdYERY9rkppJPlJxGq3pWimpo3lp4FJB6OnV8UdxwcE7XdfrgZtzk5JBojdQDcJwQIhAPi+y8VTNbGZ0xf5KSoiEmWzCQ8xftoJQptvMVXPKL0/AiEAw3SYpZrSJZQ578SIM/rYnxtEQgMjMdEMGkXwSVyVEikCIQCgy82z4EdcaIDCBYort1zHK0YW8Tr8PXI2QlnVC5ZdRwIgZVsUQWRsr2ITPTvcKaBeLvvTxKud15qBPSqhdVmWUCkCIQDWQemX9QhTIOJLm8qL9qK9pbEaRP2siSewtqCd8usrlA=="})
    void aKeyThatIsNotAnEd25519PrivateKeyIsRefusedNamingTheSettingNotQuotingIt(String given) {
        assertThatThrownBy(() -> SigningKey.parse(given))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("DSAR_AUDIT_SIGNING_KEY")
                .hasMessageContaining("openssl genpkey -algorithm ed25519")
                .hasMessageNotContaining(given);
    }

    private static boolean verifies(SigningKey key, byte[] statement, byte[] signature) throws Exception {
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(key.publicKey());
        verifier.update(statement);
        return verifier.verify(signature);
    }
}
