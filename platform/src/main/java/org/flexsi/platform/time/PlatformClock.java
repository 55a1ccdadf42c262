package org.flexsi.platform.time;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The one clock every service injects, in China time. It follows the system clock; a test (or a test-profile
 * endpoint) may move it to a chosen instant with {@link #setOffset}/{@link #setTo}, and {@link #reset} brings it back.
 */
@Singleton
public class PlatformClock extends Clock {
    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    @Override
    public ZoneId getZone() {
        return BusinessTime.ZONE;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.offset(Clock.system(zone), offset.get());
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset.get());
    }

    /** Moves the clock so that now is {@code instant}; time keeps running from there. */
    public void setTo(Instant instant) {
        offset.set(Duration.between(Instant.now(), instant));
    }

    public void setOffset(Duration shift) {
        offset.set(shift);
    }

    /** How far this clock is from the system clock. */
    public Duration offset() {
        return offset.get();
    }

    public void reset() {
        offset.set(Duration.ZERO);
    }
}
