package org.dsarflow.audit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/**
 * The Ed25519 key that signs audit checkpoints, read from an unencrypted PKCS#8 private key: the PEM that
 * {@code openssl genpkey -algorithm ed25519} writes, or its DER in base64. The public key is derived from it.
 */
final class SigningKey {

    static final String ALGORITHM = "Ed25519";
    private static final String SETTING = "DSAR_AUDIT_SIGNING_KEY (dsar.audit.signing-key)";

    private final PrivateKey privateKey;
    private final PublicKey publicKey;

    private SigningKey(PrivateKey privateKey, PublicKey publicKey) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
    }

    /** @throws IllegalArgumentException naming the setting, never quoting the key */
    static SigningKey parse(String text) {
        String base64 = text.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
        try {
            byte[] der = Base64.getDecoder().decode(base64);
            PrivateKey privateKey = KeyFactory.getInstance(ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(der));
            SigningKey key = new SigningKey(privateKey, derivePublic((EdECPrivateKey) privateKey));
            key.selfCheck();
            return key;
        } catch (IllegalArgumentException | GeneralSecurityException | ClassCastException e) {
            throw new IllegalArgumentException(SETTING + " is not an Ed25519 private key in PKCS#8 (PEM, or DER in "
                    + "base64); generate one with: openssl genpkey -algorithm ed25519", e);
        }
    }

    byte[] sign(byte[] statement) {
        try {
            Signature signature = Signature.getInstance(ALGORITHM);
            signature.initSign(privateKey);
            signature.update(statement);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The audit checkpoint could not be signed", e);
        }
    }

    PublicKey publicKey() {
        return publicKey;
    }

    /**
     * Java 17 has no call that derives an Ed25519 public key from its private key, but its key pair generator
     * computes the public key from the 32 bytes it draws: drawing the private key's own seed gives its pair.
     */
    private static PublicKey derivePublic(EdECPrivateKey privateKey) throws GeneralSecurityException {
        byte[] seed = privateKey.getBytes().orElseThrow(() -> new GeneralSecurityException("No seed in the key"));
        KeyPairGenerator generator = KeyPairGenerator.getInstance(ALGORITHM);
        generator.initialize(NamedParameterSpec.ED25519, new SecureRandom() {
            @Override
            public void nextBytes(byte[] bytes) {
                System.arraycopy(seed, 0, bytes, 0, bytes.length);
            }
        });
        KeyPair pair = generator.generateKeyPair();
        return pair.getPublic();
    }

    /** The derived public key verifies what the private key signs, or the key is refused at start. */
    private void selfCheck() throws GeneralSecurityException {
        byte[] probe = "dsarflow-audit-signing-key-check".getBytes(StandardCharsets.US_ASCII);
        Signature verifier = Signature.getInstance(ALGORITHM);
        verifier.initVerify(publicKey);
        verifier.update(probe);
        if (!verifier.verify(sign(probe))) {
            throw new GeneralSecurityException("The derived public key does not match");
        }
    }
}
