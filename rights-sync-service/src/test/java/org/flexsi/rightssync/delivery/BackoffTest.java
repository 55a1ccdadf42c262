package org.flexsi.rightssync.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class BackoffTest {
    private final Backoff backoff = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(60), new Random(42));

    @ParameterizedTest(name = "failure {0}: between {1} and {2} ms")
    @CsvSource({"1, 250, 500", "2, 500, 1000", "3, 1000, 2000", "7, 16000, 32000", "8, 30000, 60000", "9, 30000, 60000", "40, 30000, 60000"})
    void doublesUpToTheCapWithEqualJitter(int failures, long min, long max) {
        for (int i = 0; i < 200; i++) {
            long ms = backoff.delay(failures).toMillis();
            assertTrue(ms >= min && ms <= max, failures + " -> " + ms);
        }
    }

    @Test
    void jitterSpreadsTheRetries() {
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            seen.add(backoff.delay(5).toMillis());
        }
        assertTrue(seen.size() > 20, "retries must not fall in lockstep: " + seen.size() + " distinct waits");
    }

    @Test
    void theWaitSpansFromHalfToAllOfTheCapBothIncluded() {
        Backoff longest = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(60), new FixedDraw(true));
        Backoff shortest = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(60), new FixedDraw(false));
        assertEquals(Duration.ofMillis(500), longest.delay(1));
        assertEquals(Duration.ofMillis(250), shortest.delay(1));
        assertEquals(Duration.ofSeconds(60), longest.delay(9));
        assertEquals(Duration.ofSeconds(30), shortest.delay(9));
    }

    @Test
    void theInitialWaitMayBeTheMaximumButNotMoreNorNothing() {
        assertEquals(Duration.ofSeconds(1), new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(1), new FixedDraw(true)).delay(5));
        assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1), new Random()));
        assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ZERO, Duration.ofSeconds(1), new Random()));
        assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ofSeconds(-1), Duration.ofSeconds(1), new Random()));
        assertThrows(IllegalArgumentException.class, () -> backoff.delay(0));
    }

    /** Always the highest or always the lowest draw, so the bounds of the jitter can be seen. */
    private record FixedDraw(boolean highest) implements RandomGenerator {
        @Override
        public long nextLong() {
            throw new UnsupportedOperationException("only bounded draws");
        }

        @Override
        public long nextLong(long bound) {
            return highest ? bound - 1 : 0;
        }
    }
}
