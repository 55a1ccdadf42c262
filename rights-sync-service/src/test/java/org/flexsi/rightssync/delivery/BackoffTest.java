package org.flexsi.rightssync.delivery;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
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
}
