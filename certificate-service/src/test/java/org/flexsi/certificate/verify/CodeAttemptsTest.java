package org.flexsi.certificate.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Wrong guesses are free up to the allowance, then each one doubles the wait; the window forgets them. */
class CodeAttemptsTest {
    private final MovableClock clock = new MovableClock();
    private final CodeAttempts attempts = new CodeAttempts(5, Duration.ofMinutes(15), clock);

    @Test
    void theWaitGrowsWithEachWrongGuessBeyondTheAllowance() {
        for (int i = 0; i < 5; i++) {
            assertEquals(0, attempts.waitSeconds("N1", "client-a"));
            attempts.failed("N1", "client-a");
        }
        assertEquals(0, attempts.waitSeconds("N1", "client-a"), "five wrong guesses are free");
        attempts.failed("N1", "client-a");
        assertEquals(1, attempts.waitSeconds("N1", "client-b"), "the number waits, whoever guesses");
        clock.move(Duration.ofSeconds(1));
        assertEquals(0, attempts.waitSeconds("N1", "client-a"));
        attempts.failed("N1", "client-a");
        assertEquals(2, attempts.waitSeconds("N1", "client-a"));
        clock.move(Duration.ofSeconds(2));
        attempts.failed("N1", "client-a");
        assertEquals(4, attempts.waitSeconds("N1", "client-a"));
        assertEquals(0, attempts.waitSeconds("N2", "client-b"), "another number from another client is not slowed");
    }

    @Test
    void theWaitNeverExceedsTheWindowAndTheWindowForgets() {
        for (int i = 0; i < 30; i++) {
            attempts.failed("N3", "client-c");
            clock.move(Duration.ofMillis(10));
        }
        assertEquals(15 * 60, attempts.waitSeconds("N3", "client-c"), 1);
        clock.move(Duration.ofMinutes(16));
        assertEquals(0, attempts.waitSeconds("N3", "client-c"));
        attempts.failed("N3", "client-c");
        assertEquals(0, attempts.waitSeconds("N3", "client-c"), "old guesses left the window");
    }

    @Test
    void aClientGetsTenTimesTheAllowanceAcrossNumbers() {
        for (int i = 0; i < 5 * CodeAttempts.CLIENT_FACTOR; i++) {
            attempts.failed("N-" + i, "proxy");
        }
        assertEquals(0, attempts.waitSeconds("N-new", "proxy"));
        attempts.failed("N-last", "proxy");
        assertEquals(1, attempts.waitSeconds("N-new", "proxy"));
        assertEquals(0, attempts.waitSeconds("N-new", "someone-else"));
    }

    private static final class MovableClock extends Clock {
        private Instant now = Instant.parse("2026-09-29T02:00:00Z");

        void move(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
