package org.flexsi.rightssync.delivery;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import org.flexsi.rightssync.config.RightsSyncConfig;
import org.flexsi.rightssync.monitor.RightsMetrics;
import org.flexsi.rightssync.record.Agency;

/**
 * Sends each agency its records in arrival order, in batches (full, or once the oldest has waited
 * long enough), at a limited pace, backing off with jitter after failures and stopping behind an open
 * circuit; then asks the agency about acknowledged records whose decision never arrived. Each agency
 * has its own thread, so a slow or dead agency never holds up the other. A lane with work looks again every
 * {@code dispatch-interval}; an idle one sleeps until {@link RecordsWaiting} wakes it, or its {@code idle-poll}
 * (records left by a crash or another instance, polls come due).
 */
@ApplicationScoped
public class Dispatcher {
    private final DeliveryStore store;
    private final AgencyClient client;
    private final DecisionService decisions;
    private final AgencyLease lease;
    private final RightsSyncConfig config;
    private final RightsMetrics metrics;
    private final Clock clock;
    private final Backoff backoff;
    private final Map<Agency, AgencyLane> lanes = new EnumMap<>(Agency.class);
    private final Map<Agency, ScheduledExecutorService> threads = new EnumMap<>(Agency.class);
    private final Set<String> pulling;

    public Dispatcher(DeliveryStore store, AgencyClient client, DecisionService decisions, AgencyLease lease,
            RightsSyncConfig config, RightsMetrics metrics, Clock clock) {
        this.store = store;
        this.client = client;
        this.decisions = decisions;
        this.lease = lease;
        this.config = config;
        this.metrics = metrics;
        this.clock = clock;
        this.backoff = new Backoff(config.retry().initialDelay(), config.retry().maxDelay(), RandomGenerator.getDefault());
        this.pulling = config.pullAgencies().orElse(Set.of());
        for (Agency agency : Agency.values()) {
            AgencyLane lane = new AgencyLane(agency,
                    new CircuitBreaker(config.breaker().failureThreshold(), config.breaker().openFor()),
                    new RateLimiter(config.requestsPerSecond(), Math.max(1, (int) config.requestsPerSecond())));
            lanes.put(agency, lane);
            threads.put(agency, Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "rights-" + agency.id())));
            metrics.watchBreaker(agency, lane.breaker);
        }
    }

    void start(@Observes StartupEvent startup) {
        lanes.values().forEach(lane -> lane.next = submit(lane, config.dispatchInterval()));
    }

    void onRecordsWaiting(@Observes(during = TransactionPhase.AFTER_SUCCESS) RecordsWaiting waiting) {
        for (AgencyLane lane : lanes.values()) {
            // many commits in a row wake a lane once, and no sooner than a busy lane would look again
            if (lane.woken.compareAndSet(false, true)) {
                long sinceLast = System.nanoTime() - lane.lastRound;
                submit(lane, Duration.ofNanos(Math.max(0, config.dispatchInterval().toNanos() - sinceLast)));
            }
        }
    }

    /** One round on the lane's thread, then the next: soon while there is work, else at the idle poll. */
    private void run(AgencyLane lane) {
        lane.woken.set(false);
        lane.lastRound = System.nanoTime();
        boolean busy = true;
        try {
            busy = round(lane);
        } catch (RuntimeException e) {
            Log.errorf(e, "rights delivery to %s failed unexpectedly", lane.agency);
        }
        if (lane.next != null) {
            lane.next.cancel(false);
        }
        lane.next = submit(lane, busy ? config.dispatchInterval() : config.idlePoll());
    }

    private ScheduledFuture<?> submit(AgencyLane lane, Duration after) {
        try {
            return threads.get(lane.agency).schedule(() -> run(lane), after.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            return null; // shutting down
        }
    }

    void stop(@Observes ShutdownEvent shutdown) {
        threads.values().forEach(ExecutorService::shutdownNow);
        for (Agency agency : Agency.values()) {
            try {
                lease.release(agency);
            } catch (RuntimeException e) {
                Log.debugf("lease of %s not released: %s", agency, e.getMessage());
            }
        }
    }

    /** Whether this agency fetches its records from the feed instead. */
    public boolean pulls(Agency agency) {
        return pulling.contains(agency.name());
    }

    /** Returns whether work is left: records waiting to fill a batch, a backoff, polls asked. */
    private boolean round(AgencyLane lane) {
        if (pulls(lane.agency) || !lease.hold(lane.agency)) {
            return false;
        }
        Instant started = clock.instant();
        // drain while there is a full batch and the round is young, then look after polls
        Outcome outcome;
        while ((outcome = sendOnce(lane)) == Outcome.AGAIN
                && Duration.between(started, clock.instant()).compareTo(config.lease().dividedBy(3)) < 0) {
            lease.hold(lane.agency);
        }
        return poll(lane) || outcome != Outcome.IDLE;
    }

    /** After one send: try again at once (a full batch left), wait (records or a retry pending), or nothing is due. */
    private enum Outcome {
        AGAIN, WAIT, IDLE
    }

    /** Sends one batch if one is ready. */
    private Outcome sendOnce(AgencyLane lane) {
        Instant now = clock.instant();
        if (now.isBefore(lane.retryAt) || !lane.breaker.allows(now)) {
            return Outcome.WAIT;
        }
        int size = lane.isolateUntil != null ? 1 : config.batch().size();
        DeliveryStore.Batch batch = store.due(lane.agency, size);
        if (batch.isEmpty()) {
            lane.isolateUntil = null;
            return Outcome.IDLE;
        }
        boolean full = batch.records().size() >= size;
        if (!full && Duration.between(batch.oldest(), now).compareTo(config.batch().maxWait()) < 0) {
            return Outcome.WAIT;
        }
        pace(lane);
        List<String> ids = batch.records().stream().map(Outgoing::recordId).toList();
        store.sending(ids);
        AgencyClient.SendResult result = client.send(lane.agency, batch.records());
        if (result instanceof AgencyClient.Accepted receipt) {
            store.acknowledged(lane.agency, receipt, ids);
            succeeded(lane, ids.size());
            if (ids.contains(lane.isolateUntil)) {
                lane.isolateUntil = null;
            }
            return full ? Outcome.AGAIN : Outcome.WAIT;
        }
        if (result instanceof AgencyClient.Refused refused) {
            if (ids.size() > 1) {
                Log.warnf("%s refused a batch of %d (%s); sending them one by one", lane.agency, ids.size(),
                        refused.detail());
                lane.isolateUntil = ids.get(ids.size() - 1);
            } else {
                store.refused(ids.get(0), refused.detail());
                if (ids.get(0).equals(lane.isolateUntil)) {
                    lane.isolateUntil = null;
                }
            }
            // the agency answered: it is up, whatever it thought of the content
            lane.breaker.success();
            return Outcome.AGAIN;
        }
        String reason = ((AgencyClient.Failed) result).reason();
        store.failed(ids, reason);
        failedOnce(lane, reason);
        return Outcome.WAIT;
    }

    /** Asks about acknowledged records whose decision is overdue; returns whether any was due. */
    private boolean poll(AgencyLane lane) {
        List<String> due = store.duePolls(lane.agency, config.poll().batch());
        for (String id : due) {
            Instant now = clock.instant();
            if (now.isBefore(lane.retryAt) || !lane.breaker.allows(now)) {
                return true;
            }
            pace(lane);
            AgencyClient.PollResult result = client.status(lane.agency, id);
            if (result instanceof AgencyClient.Decided decided) {
                decisions.apply(lane.agency, decided.decision());
                lane.breaker.success();
            } else if (result instanceof AgencyClient.Undecided) {
                store.undecided(id);
                lane.breaker.success();
            } else if (result instanceof AgencyClient.NotHeld) {
                Log.warnf("%s does not hold acknowledged record %s; sending it again", lane.agency, id);
                store.notHeld(id);
            } else {
                failedOnce(lane, ((AgencyClient.PollFailed) result).reason());
                return true;
            }
        }
        return !due.isEmpty();
    }

    private void succeeded(AgencyLane lane, int records) {
        lane.breaker.success();
        lane.failures = 0;
        lane.retryAt = Instant.EPOCH;
        metrics.sent(lane.agency, records);
    }

    private void failedOnce(AgencyLane lane, String reason) {
        Instant now = clock.instant();
        lane.failures++;
        lane.breaker.failure(now);
        Duration wait = backoff.delay(lane.failures);
        lane.retryAt = now.plus(wait);
        metrics.sendFailed(lane.agency);
        Log.warnf("%s unreachable (%s), failure %d in a row, circuit %s, next try in %d ms", lane.agency, reason,
                lane.failures, lane.breaker.state(), wait.toMillis());
    }

    private void pace(AgencyLane lane) {
        Duration wait = lane.limiter.reserve(clock.instant());
        if (!wait.isZero()) {
            try {
                Thread.sleep(wait.toMillis(), wait.toNanosPart() % 1_000_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
