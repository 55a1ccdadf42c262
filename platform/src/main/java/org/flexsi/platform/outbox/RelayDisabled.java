package org.flexsi.platform.outbox;

import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Lets a test drive the relay by hand ({@code flexsi.outbox.relay-enabled=false}). */
@Singleton
public class RelayDisabled implements Scheduled.SkipPredicate {
    @ConfigProperty(name = "flexsi.outbox.relay-enabled", defaultValue = "true")
    boolean enabled;

    public boolean relayEnabled() {
        return enabled;
    }

    @Override
    public boolean test(ScheduledExecution execution) {
        return !enabled;
    }
}
