package org.flexsi.rightssync.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/** How rights records are batched, paced and retried towards the agencies. */
@ConfigMapping(prefix = "flexsi.rights")
public interface RightsSyncConfig {

    /** Working days after the payment date by which the agency must have confirmed (R24). */
    @WithDefault("3")
    int deadlineWorkingDays();

    Batch batch();

    Retry retry();

    Breaker breaker();

    Poll poll();

    /** Sends per second to one agency; each send carries a whole batch. */
    @WithDefault("20")
    double requestsPerSecond();

    /** How often a sender with work (a batch filling, a retry due) looks again. */
    @WithDefault("100ms")
    Duration dispatchInterval();

    /**
     * How often an idle sender looks for work nobody announced: records left by a crash or another instance,
     * polls coming due. New records wake it at once ({@code RecordsWaiting}).
     */
    @WithDefault("5s")
    Duration idlePoll();

    /** How often deadlines are checked and the backlog gauges refreshed. */
    @WithDefault("30s")
    Duration monitorInterval();

    /** How often newly committed records are numbered for the agencies' pull feed. */
    @WithDefault("1s")
    Duration feedInterval();

    /** How long one instance keeps the right to send to an agency without renewing it. */
    @WithDefault("30s")
    Duration lease();

    /** Agencies that fetch their records from the feed instead of being sent them (PENSION, MEDICAL). */
    Optional<Set<String>> pullAgencies();

    interface Batch {
        @WithDefault("100")
        int size();

        /** A smaller batch leaves once its oldest record has waited this long. */
        @WithDefault("200ms")
        Duration maxWait();
    }

    interface Retry {
        @WithDefault("500ms")
        Duration initialDelay();

        @WithDefault("60s")
        Duration maxDelay();
    }

    interface Breaker {
        /** Consecutive failed sends that open the circuit. */
        @WithDefault("5")
        int failureThreshold();

        /** How long an open circuit waits before one trial send. */
        @WithDefault("30s")
        Duration openFor();
    }

    interface Poll {
        /** How long an acknowledged record waits for a callback before the service asks the agency. */
        @WithDefault("60s")
        Duration after();

        @WithDefault("30m")
        Duration maxInterval();

        @WithDefault("50")
        int batch();
    }
}
