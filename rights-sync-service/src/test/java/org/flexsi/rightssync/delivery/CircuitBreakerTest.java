package org.flexsi.rightssync.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CircuitBreakerTest {
    private static final Instant T0 = Instant.parse("2026-03-02T00:00:00Z");

    @Test
    void opensAfterTheThresholdAndLetsOneTrialThroughLater() {
        CircuitBreaker breaker = new CircuitBreaker(3, Duration.ofSeconds(30));
        breaker.failure(T0);
        breaker.failure(T0);
        assertTrue(breaker.allows(T0), "two failures keep it closed");
        breaker.failure(T0);
        assertEquals(CircuitBreaker.State.OPEN, breaker.state());
        assertFalse(breaker.allows(T0.plusSeconds(29)));
        assertTrue(breaker.allows(T0.plusSeconds(30)));
        assertEquals(CircuitBreaker.State.HALF_OPEN, breaker.state());
    }

    @Test
    void aFailedTrialReopensAndASuccessfulOneCloses() {
        CircuitBreaker breaker = new CircuitBreaker(1, Duration.ofSeconds(10));
        breaker.failure(T0);
        assertTrue(breaker.allows(T0.plusSeconds(10)));
        breaker.failure(T0.plusSeconds(10));
        assertFalse(breaker.allows(T0.plusSeconds(19)), "reopened for a full period");
        assertTrue(breaker.allows(T0.plusSeconds(20)));
        breaker.success();
        assertEquals(CircuitBreaker.State.CLOSED, breaker.state());
        assertEquals(0, breaker.consecutiveFailures());
    }

    @Test
    void aSuccessResetsTheCount() {
        CircuitBreaker breaker = new CircuitBreaker(2, Duration.ofSeconds(10));
        breaker.failure(T0);
        assertEquals(1, breaker.consecutiveFailures());
        breaker.success();
        breaker.failure(T0);
        assertEquals(1, breaker.consecutiveFailures());
        assertEquals(CircuitBreaker.State.CLOSED, breaker.state());
    }

    @Test
    void aFailedTrialReopensAndTheCountGoesOn() {
        CircuitBreaker breaker = new CircuitBreaker(5, Duration.ofSeconds(10));
        for (int i = 0; i < 5; i++) {
            breaker.failure(T0);
        }
        assertTrue(breaker.allows(T0.plusSeconds(10)));
        assertEquals(CircuitBreaker.State.HALF_OPEN, breaker.state());
        breaker.failure(T0.plusSeconds(10));
        assertEquals(CircuitBreaker.State.OPEN, breaker.state());
        assertEquals(6, breaker.consecutiveFailures());
    }
}
