package org.flexsi.assessment.it;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** The service's clock in tests: the real time unless a test pins a moment (Jinan in May 2022, Hubei on 30 June). */
@Alternative
@Priority(1)
@Singleton
public class TestClock extends Clock {
    private static volatile Instant pinned;

    public static void pin(String instant) {
        pinned = Instant.parse(instant);
    }

    public static void release() {
        pinned = null;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(instant(), zone);
    }

    @Override
    public Instant instant() {
        Instant at = pinned;
        return at != null ? at : Instant.now();
    }
}
