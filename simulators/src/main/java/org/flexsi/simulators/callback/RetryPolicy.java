package org.flexsi.simulators.callback;

import java.time.Duration;

/** Exponential backoff for callbacks: the wait before attempt n+1 is initial * 2^(n-1), capped. */
public record RetryPolicy(Duration initialDelay, Duration maxDelay, int maxAttempts) {

    Duration delayAfter(int failedAttempt) {
        int doublings = Math.min(failedAttempt - 1, 30);
        long millis = initialDelay.toMillis() << doublings;
        return millis <= 0 || millis > maxDelay.toMillis() ? maxDelay : Duration.ofMillis(millis);
    }
}
