package org.dsarflow.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * The SHA-256 chain of the audit log: each entry's hash covers its own fields and the previous entry's
 * hash, so changing, inserting or removing an entry breaks the chain from there on.
 */
public final class AuditChain {

    /** The previous hash of the first entry. */
    public static final String GENESIS = "0".repeat(64);
    private static final char SEPARATOR = '\u001f';

    private AuditChain() {
    }

    public static String hash(long seq, Instant at, String actor, String requestRef, String action, String activity,
                              String detail, String prevHash) {
        StringBuilder text = new StringBuilder()
                .append(seq).append(SEPARATOR)
                .append(at).append(SEPARATOR)
                .append(actor).append(SEPARATOR)
                .append(requestRef == null ? "" : requestRef).append(SEPARATOR)
                .append(action).append(SEPARATOR)
                .append(activity == null ? "" : activity).append(SEPARATOR)
                .append(detail).append(SEPARATOR)
                .append(prevHash);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            // Every Java platform must provide SHA-256.
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /** Whether {@code entry} is intact and follows the entry whose seq and hash are given. */
    public static boolean follows(AuditEntry entry, long previousSeq, String previousHash) {
        return entry.seq() == previousSeq + 1
                && entry.prevHash().equals(previousHash)
                && entry.hash().equals(hash(entry.seq(), entry.at(), entry.actor(), entry.requestRef(), entry.action(),
                entry.activity(), entry.detail(), entry.prevHash()));
    }
}
