package org.flexsi.rightssync.delivery;

import java.time.Instant;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicBoolean;
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
    /** The lane's next round by the clock; a wake-up runs one sooner and replaces it. */
    ScheduledFuture<?> next;
    /** A wake-up is queued and has not started: more commits need not queue another. */
    final AtomicBoolean woken = new AtomicBoolean();
    /** When the last round started ({@link System#nanoTime}), read by the threads that wake the lane. */
    volatile long lastRound = System.nanoTime();

    AgencyLane(Agency agency, CircuitBreaker breaker, RateLimiter limiter) {
        this.agency = agency;
        this.breaker = breaker;
        this.limiter = limiter;
    }
}
