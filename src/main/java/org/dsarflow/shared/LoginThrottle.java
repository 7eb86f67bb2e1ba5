package org.dsarflow.shared;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failed logins, counted per account name and per client address in Bucket4j buckets: each holds
 * dsar.login.failures (dsar.login.address-failures) tokens, refilled over dsar.login.window, and each
 * failure takes one. With either
 * bucket empty a login is refused unchecked (429 with Retry-After), and each refused try takes a token
 * more, so the wait grows while the guessing goes on. Successes take nothing, so other accounts and
 * addresses are never slowed. Every identity provider asks here first.
 */
@ApplicationScoped
public class LoginThrottle {

    /** Buckets kept before full (idle) ones are dropped, so guessed names cannot fill the memory. */
    private static final int TRACKED = 10_000;

    private final DsarConfig.Login config;
    private final Event<LoginThrottled> throttled;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    LoginThrottle(DsarConfig config, Event<LoginThrottled> throttled) {
        this.config = config.login();
        this.throttled = throttled;
    }

    /** How long the caller must wait before trying again, if either bucket is empty; the try is counted. */
    public Optional<Duration> refusal(String account, String address) {
        Bucket byAccount = bucket("account:" + account, config.failures());
        Bucket byAddress = bucket("address:" + address, config.addressFailures());
        if (byAccount.getAvailableTokens() > 0 && byAddress.getAvailableTokens() > 0) {
            return Optional.empty();
        }
        byAccount.consumeIgnoringRateLimits(1);
        byAddress.consumeIgnoringRateLimits(1);
        return Optional.of(Duration.ofNanos(Math.max(wait(byAccount), wait(byAddress))).plusSeconds(1)
                .withNanos(0));
    }

    /** Counts a wrong password or unknown account; the failure that empties an account's bucket is announced. */
    public void failed(String account, String address, boolean knownAccount) {
        Bucket byAccount = bucket("account:" + account, config.failures());
        bucket("address:" + address, config.addressFailures()).tryConsume(1);
        if (byAccount.tryConsume(1) && byAccount.getAvailableTokens() == 0 && knownAccount) {
            throttled.fireAsync(new LoginThrottled(account));
        }
    }

    private static long wait(Bucket bucket) {
        return bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill();
    }

    private Bucket bucket(String key, int failures) {
        if (buckets.size() > TRACKED) {
            buckets.values().removeIf(b -> b.getAvailableTokens() >= config.failures());
        }
        return buckets.computeIfAbsent(key, k -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(failures).refillGreedy(failures, config.window()).build())
                .build());
    }
}
