package org.dsarflow.shared;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import java.time.Clock;

/** The one source of "now" and "today", so rules and tests can be given a fixed clock. */
@ApplicationScoped
public class ClockProducer {

    @Produces
    @ApplicationScoped
    Clock clock(DsarConfig config) {
        return Clock.system(config.timeZone());
    }
}
