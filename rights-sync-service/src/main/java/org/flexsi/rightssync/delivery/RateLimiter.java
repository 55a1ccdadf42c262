package org.flexsi.rightssync.delivery;

import java.time.Duration;
import java.time.Instant;

/**
 * A token bucket per agency: at most {@code perSecond} sends per second on average, with a burst of
 * {@code burst} after a quiet spell. {@link #reserve(Instant)} books a slot and says how long to wait for it.
 */
public final class RateLimiter {
    private final long intervalNanos;
    private final long burstNanos;
    private Instant nextFree = Instant.EPOCH;

    public RateLimiter(double perSecond, int burst) {
        if (perSecond <= 0 || burst < 1) {
            throw new IllegalArgumentException("need a positive rate and burst");
        }
        this.intervalNanos = (long) (1_000_000_000L / perSecond);
        this.burstNanos = intervalNanos * (burst - 1);
    }

    public synchronized Duration reserve(Instant now) {
        Instant earliest = now.minusNanos(burstNanos);
        if (nextFree.isBefore(earliest)) {
            nextFree = earliest;
        }
        Duration wait = nextFree.isAfter(now) ? Duration.between(now, nextFree) : Duration.ZERO;
        nextFree = nextFree.plusNanos(intervalNanos);
        return wait;
    }
}
