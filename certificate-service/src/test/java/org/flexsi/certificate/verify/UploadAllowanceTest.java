package org.flexsi.certificate.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class UploadAllowanceTest {
    private static final Instant T0 = Instant.parse("2026-12-07T02:00:00Z");

    @Test
    void aClientGetsItsChecksPerMinuteThenWaitsForTheNextMinuteWhileOthersGoOn() {
        MovableClock clock = new MovableClock(T0);
        UploadAllowance allowance = new UploadAllowance(3, clock);
        for (int i = 0; i < 3; i++) {
            assertEquals(0, allowance.take("10.0.0.1"), "check " + (i + 1));
        }
        clock.now = T0.plusSeconds(20);
        assertEquals(40, allowance.take("10.0.0.1"), "the fourth waits for the minute to end");
        assertEquals(0, allowance.take("10.0.0.2"), "another client is not held up");
        clock.now = T0.plusSeconds(60);
        assertEquals(0, allowance.take("10.0.0.1"), "a new minute");
        clock.now = T0.minusSeconds(3600);
        assertTrue(allowance.take("10.0.0.1") == 0, "a clock moved back starts the count again");
    }

    private static final class MovableClock extends Clock {
        Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
