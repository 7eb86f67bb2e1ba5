package org.dsarflow.shared;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Function;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The {@code Idempotency-Key} of the endpoints that log something ({@code POST /api/requests},
 * {@code POST /api/complaints}): a retry of the same body under the same key returns what the first attempt
 * created, even when both arrive at once; a different body under a used key is refused. What is created keeps
 * the key (under a unique constraint) and the body's fingerprint.
 */
@ApplicationScoped
public class Idempotency {

    public static final String HEADER = "Idempotency-Key";
    private static final ObjectMapper CANONICAL = new ObjectMapper()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
    /** How long a retry waits for a concurrent first attempt with the same key to commit. */
    private static final Duration CONCURRENT_ATTEMPT_WAIT = Duration.ofSeconds(10);
    private static final Set<String> RACE_LOST = Set.of("23505", "HYT00", "40001");

    /** A key checked and the body's fingerprint, as what the key creates keeps them. */
    public record Claim(String key, String fingerprint) {
    }

    /** The outcome of one attempt: what was created, and whether an earlier attempt had created it. */
    public record Attempt<T>(T created, boolean replayed) {
    }

    /** How to find what an earlier attempt created under a key, and the fingerprint it kept. */
    public record Kept<T>(Function<String, Optional<T>> byKey, Function<T, String> fingerprint) {
    }

    public Claim claim(String key, Object body) {
        return new Claim(validKey(key), fingerprint(body));
    }

    /**
     * Creates with {@code create} in a transaction of its own, unless an earlier attempt with the same claim
     * did; a concurrent attempt that wins the race on the key is waited for, a bounded time.
     */
    public <T> Attempt<T> once(Claim claim, Kept<T> kept, Supplier<T> create) {
        Optional<T> earlier = QuarkusTransaction.requiringNew().call(() -> replay(claim, kept));
        if (earlier.isPresent()) {
            return new Attempt<>(earlier.get(), true);
        }
        try {
            return new Attempt<>(QuarkusTransaction.requiringNew().call(create::get), false);
        } catch (RuntimeException e) {
            if (!lostTheRaceForTheKey(e)) {
                throw e;
            }
            return awaitConcurrentAttempt(claim, kept).map(created -> new Attempt<>(created, true))
                    .orElseThrow(() -> e);
        }
    }

    private static <T> Optional<T> replay(Claim claim, Kept<T> kept) {
        return kept.byKey().apply(claim.key()).map(existing -> {
            if (!claim.fingerprint().equals(kept.fingerprint().apply(existing))) {
                throw new ConflictException("IDEMPOTENCY_KEY_REUSED",
                        HEADER + " was already used for a different request body");
            }
            return existing;
        });
    }

    /**
     * The first attempt holds the key but may not have committed yet; wait a bounded time for it. A
     * database that blocks on the key (PostgreSQL) has committed by now; one that fails fast (H2) may not.
     */
    private static <T> Optional<T> awaitConcurrentAttempt(Claim claim, Kept<T> kept) {
        Instant giveUp = Instant.now().plus(CONCURRENT_ATTEMPT_WAIT);
        Optional<T> earlier = QuarkusTransaction.requiringNew().call(() -> replay(claim, kept));
        while (earlier.isEmpty() && Instant.now().isBefore(giveUp)) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            earlier = QuarkusTransaction.requiringNew().call(() -> replay(claim, kept));
        }
        return earlier;
    }

    private static String validKey(String key) {
        String trimmed = key.strip();
        if (trimmed.isEmpty() || trimmed.length() > 200 || !trimmed.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new InvalidInputException(HEADER, HEADER + " must be 1 to 200 printable ASCII characters without spaces");
        }
        return trimmed;
    }

    /** The body in canonical form (map keys sorted), hashed, so key order and whitespace do not matter. */
    private static String fingerprint(Object body) {
        try {
            byte[] canonical = CANONICAL.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("Cannot fingerprint a request body", e);
        }
    }

    /**
     * The key is taken (SQLSTATE 23505, a unique violation in H2 and PostgreSQL alike), or H2 gave up
     * waiting for the first attempt's lock on it (HYT00) or chose this attempt as a deadlock's victim (40001).
     */
    private static boolean lostTheRaceForTheKey(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && RACE_LOST.contains(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
