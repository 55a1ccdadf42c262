package org.flexsi.rightssync.delivery;

import java.time.Duration;
import java.time.Instant;

/**
 * Per agency: after {@code threshold} failed sends in a row the circuit opens and nothing is sent for
 * {@code openFor}; then one trial send (half-open) decides whether it closes again or stays open.
 * An agency that is down is not hammered, and its backlog simply waits in the database.
 */
public final class CircuitBreaker {
    public enum State { CLOSED, OPEN, HALF_OPEN }

    private final int threshold;
    private final Duration openFor;
    private State state = State.CLOSED;
    private int failures;
    private Instant openedAt;

    public CircuitBreaker(int threshold, Duration openFor) {
        if (threshold < 1) {
            throw new IllegalArgumentException("threshold must be at least 1");
        }
        this.threshold = threshold;
        this.openFor = openFor;
    }

    /** Whether a send may go now; an open circuit whose time is up lets one trial through. */
    public synchronized boolean allows(Instant now) {
        if (state == State.OPEN && !now.isBefore(openedAt.plus(openFor))) {
            state = State.HALF_OPEN;
        }
        return state != State.OPEN;
    }

    public synchronized void success() {
        state = State.CLOSED;
        failures = 0;
    }

    public synchronized void failure(Instant now) {
        failures++;
        if (state == State.HALF_OPEN || failures >= threshold) {
            state = State.OPEN;
            openedAt = now;
        }
    }

    public synchronized State state() {
        return state;
    }

    public synchronized int consecutiveFailures() {
        return failures;
    }
}
