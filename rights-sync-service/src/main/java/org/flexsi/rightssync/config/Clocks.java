package org.flexsi.rightssync.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.time.ZoneId;

public class Clocks {
    /** Beijing time: a payment's date, deadlines and the audit day are Beijing days. */
    @Produces
    @ApplicationScoped
    Clock clock(RightsSyncConfig config) {
        return Clock.system(ZoneId.of(config.zone()));
    }
}
