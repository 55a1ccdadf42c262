package org.flexsi.rightssync.delivery;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with "equal jitter": after the n-th failure in a row, wait between half and all of
 * min(max, initial × 2ⁿ⁻¹). The jitter keeps several instances (and both agencies' senders) from
 * retrying in lockstep when an agency comes back.
 */
public final class Backoff {
    private final Duration initial;
    private final Duration max;
    private final RandomGenerator random;

    public Backoff(Duration initial, Duration max, RandomGenerator random) {
        if (initial.isZero() || initial.isNegative() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("need 0 < initial <= max");
        }
        this.initial = initial;
        this.max = max;
        this.random = random;
    }

    /** The wait after {@code failures} consecutive failures (at least 1). */
    public Duration delay(int failures) {
        if (failures < 1) {
            throw new IllegalArgumentException("failures must be at least 1");
        }
        long cap = initial.toMillis();
        for (int i = 1; i < failures && cap < max.toMillis(); i++) {
            cap *= 2;
        }
        cap = Math.min(cap, max.toMillis());
        long half = cap / 2;
        return Duration.ofMillis(half + random.nextLong(cap - half + 1));
    }
}
