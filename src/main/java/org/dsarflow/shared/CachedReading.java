package org.dsarflow.shared;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * A value read again only once it is older than its maximum age: the gauges of one metrics scrape
 * share one database query, and a scrape every few seconds costs at most one query each time.
 */
public final class CachedReading<T> {

    /** How old a gauge's reading may be: a scrape sees the database as it was at most this long ago. */
    public static final Duration GAUGES = Duration.ofSeconds(2);

    private final Duration maxAge;
    private final Supplier<T> read;
    private T value;
    private long readAt;

    public CachedReading(Duration maxAge, Supplier<T> read) {
        this.maxAge = maxAge;
        this.read = read;
    }

    public synchronized T get() {
        long now = System.nanoTime();
        if (value == null || now - readAt > maxAge.toNanos()) {
            value = read.get();
            readAt = now;
        }
        return value;
    }
}
