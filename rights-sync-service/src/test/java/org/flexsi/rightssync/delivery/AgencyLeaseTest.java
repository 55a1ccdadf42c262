package org.flexsi.rightssync.delivery;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AgencyLeaseTest {
    private static final Duration LEASE = Duration.ofSeconds(30);
    private static final Instant TAKEN = Instant.parse("2026-12-02T08:00:00Z");

    @Test
    void aLeaseNotHeldIsAskedFor() {
        assertTrue(AgencyLease.needsRenewal(null, TAKEN, LEASE));
    }

    @Test
    void aFreshLeaseIsNotRenewedOnEveryRound() {
        Instant until = TAKEN.plus(LEASE);
        assertFalse(AgencyLease.needsRenewal(until, TAKEN, LEASE));
        assertFalse(AgencyLease.needsRenewal(until, TAKEN.plusSeconds(9), LEASE));
    }

    @Test
    void aLeaseIsRenewedOnceAThirdOfItHasPassedAndSurelyOnceItEnded() {
        Instant until = TAKEN.plus(LEASE);
        assertTrue(AgencyLease.needsRenewal(until, TAKEN.plusSeconds(10), LEASE));
        assertTrue(AgencyLease.needsRenewal(until, TAKEN.plusSeconds(29), LEASE));
        assertTrue(AgencyLease.needsRenewal(until, TAKEN.plusSeconds(45), LEASE));
    }
}
