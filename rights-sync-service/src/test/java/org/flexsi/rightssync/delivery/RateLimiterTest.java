package org.flexsi.rightssync.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
    private static final Instant T0 = Instant.parse("2026-03-02T00:00:00Z");

    @Test
    void aBurstIsFreeThenSendsAreSpacedByTheRate() {
        RateLimiter limiter = new RateLimiter(10, 3);
        assertEquals(Duration.ZERO, limiter.reserve(T0));
        assertEquals(Duration.ZERO, limiter.reserve(T0));
        assertEquals(Duration.ZERO, limiter.reserve(T0));
        assertEquals(Duration.ofMillis(100), limiter.reserve(T0));
        assertEquals(Duration.ofMillis(200), limiter.reserve(T0));
    }

    @Test
    void quietTimeRefillsTheBucketButNoMoreThanTheBurst() {
        RateLimiter limiter = new RateLimiter(10, 2);
        for (int i = 0; i < 5; i++) {
            limiter.reserve(T0);
        }
        Instant later = T0.plusSeconds(60);
        assertEquals(Duration.ZERO, limiter.reserve(later));
        assertEquals(Duration.ZERO, limiter.reserve(later));
        assertEquals(Duration.ofMillis(100), limiter.reserve(later));
    }
}
