package org.flexsi.simulators.callback;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    @Test
    void delaysDoubleUpToTheCap() {
        RetryPolicy policy = new RetryPolicy(Duration.ofMillis(500), Duration.ofSeconds(30), 20);
        assertEquals(Duration.ofMillis(500), policy.delayAfter(1));
        assertEquals(Duration.ofMillis(1000), policy.delayAfter(2));
        assertEquals(Duration.ofMillis(16_000), policy.delayAfter(6));
        assertEquals(Duration.ofSeconds(30), policy.delayAfter(7));
        assertEquals(Duration.ofSeconds(30), policy.delayAfter(19));
        assertEquals(Duration.ofSeconds(30), policy.delayAfter(100));
    }
}
