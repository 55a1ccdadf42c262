package org.flexsi.rightssync.delivery;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import org.flexsi.rightssync.config.RightsSyncConfig;
import org.flexsi.rightssync.monitor.RightsMetrics;
import org.flexsi.rightssync.record.Agency;

/**
 * Sends each agency its records in arrival order, in batches (full, or once the oldest has waited
 * long enough), at a limited pace, backing off with jitter after failures and stopping behind an open
 * circuit; then asks the agency about acknowledged records whose decision never arrived. Each agency
 * has its own thread, so a slow or dead agency never holds up the other.
 */
@ApplicationScoped
public class Dispatcher {
    private final DeliveryStore store;
    private final AgencyClient client;
    private final Decisions decisions;
    private final AgencyLease lease;
    private final RightsSyncConfig config;
    private final RightsMetrics metrics;
    private final Clock clock;
    private final Backoff backoff;
    private final Map<Agency, AgencyLane> lanes = new EnumMap<>(Agency.class);
    private final Map<Agency, ScheduledExecutorService> threads = new EnumMap<>(Agency.class);
    private final Set<String> pulling;

    public Dispatcher(DeliveryStore store, AgencyClient client, Decisions decisions, AgencyLease lease,
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
        long every = config.dispatchInterval().toMillis();
        for (AgencyLane lane : lanes.values()) {
            threads.get(lane.agency).scheduleWithFixedDelay(() -> {
                try {
                    round(lane);
                } catch (RuntimeException e) {
                    Log.errorf(e, "rights delivery to %s failed unexpectedly", lane.agency);
                }
            }, every, every, TimeUnit.MILLISECONDS);
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

    private void round(AgencyLane lane) {
        if (pulls(lane.agency) || !lease.hold(lane.agency)) {
            return;
        }
        Instant started = clock.instant();
        // drain while there is a full batch and the round is young, then look after polls
        while (sendOnce(lane) && Duration.between(started, clock.instant()).compareTo(config.lease().dividedBy(3)) < 0) {
            lease.hold(lane.agency);
        }
        poll(lane);
    }

    /** Sends one batch if one is ready; returns whether it is worth trying again at once. */
    private boolean sendOnce(AgencyLane lane) {
        Instant now = clock.instant();
        if (now.isBefore(lane.retryAt) || !lane.breaker.allows(now)) {
            return false;
        }
        int size = lane.isolateUntil != null ? 1 : config.batch().size();
        DeliveryStore.Batch batch = store.due(lane.agency, size);
        if (batch.isEmpty()) {
            lane.isolateUntil = null;
            return false;
        }
        boolean full = batch.records().size() >= size;
        if (!full && Duration.between(batch.oldest(), now).compareTo(config.batch().maxWait()) < 0) {
            return false;
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
            return full;
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
            return true;
        }
        String reason = ((AgencyClient.Failed) result).reason();
        store.failed(ids, reason);
        failedOnce(lane, reason);
        return false;
    }

    private void poll(AgencyLane lane) {
        for (String id : store.duePolls(lane.agency, config.poll().batch())) {
            Instant now = clock.instant();
            if (now.isBefore(lane.retryAt) || !lane.breaker.allows(now)) {
                return;
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
                return;
            }
        }
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
