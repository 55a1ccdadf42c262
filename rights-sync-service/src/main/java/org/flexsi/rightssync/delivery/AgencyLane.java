package org.flexsi.rightssync.delivery;

import java.time.Instant;
import org.flexsi.rightssync.record.Agency;

/** The sending state of one agency inside this instance: its breaker, pace and retry clock. */
final class AgencyLane {
    final Agency agency;
    final CircuitBreaker breaker;
    final RateLimiter limiter;
    /** Failed sends in a row; drives the backoff. */
    int failures;
    Instant retryAt = Instant.EPOCH;
    /** After the agency refused a batch, records go one by one up to this one, to find the bad one. */
    String isolateUntil;

    AgencyLane(Agency agency, CircuitBreaker breaker, RateLimiter limiter) {
        this.agency = agency;
        this.breaker = breaker;
        this.limiter = limiter;
    }
}
