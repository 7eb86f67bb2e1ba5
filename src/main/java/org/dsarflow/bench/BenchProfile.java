package org.dsarflow.bench;

import io.quarkus.runtime.configuration.ConfigUtils;

/**
 * Whether the service runs for bench/run: the runtime profile {@code bench} is active
 * ({@code QUARKUS_PROFILE=prod,bench}). Nothing of this package serves, deploys or counts otherwise.
 */
public final class BenchProfile {

    public static final String NAME = "bench";

    private BenchProfile() {
    }

    public static boolean active() {
        return ConfigUtils.isProfileActive(NAME);
    }
}
