package org.flexsi.rightssync.monitor;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.flexsi.platform.observability.AfterCommit;
import org.flexsi.rightssync.delivery.CircuitBreaker;
import org.flexsi.rightssync.record.Agency;

/**
 * What operations watch at {@code /q/metrics}: lag to confirmation, the backlog by days to deadline, overdue. Names
 * follow {@code flexsi_<service>_<what>_<unit>} with {@code rights} as this service's short name (the alerts and
 * dashboards under deploy/monitoring use these names). Decisions and deliveries are counted once their transaction
 * commits ({@link AfterCommit}), so a rolled-back decision is never counted.
 */
@ApplicationScoped
public class RightsMetrics {
    private final MeterRegistry registry;
    private final AfterCommit afterCommit;
    private final MultiGauge pending;
    private final MultiGauge overdue;

    public RightsMetrics(MeterRegistry registry, AfterCommit afterCommit) {
        this.registry = registry;
        this.afterCommit = afterCommit;
        this.pending = MultiGauge.builder("flexsi.rights.pending")
                .description("Undecided records by agency and working days left to their deadline").register(registry);
        this.overdue = MultiGauge.builder("flexsi.rights.overdue")
                .description("Undecided records past their deadline").register(registry);
    }

    /** Payment time to the moment this service learned of the confirmation. */
    public void confirmed(Agency agency, Duration lag) {
        afterCommit.run(() -> Timer.builder("flexsi.rights.confirmation.lag")
                .description("Time from payment to confirmed rights")
                .tag("agency", agency.name())
                .serviceLevelObjectives(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(5),
                        Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(10),
                        Duration.ofHours(1), Duration.ofDays(1), Duration.ofDays(3))
                .register(registry)
                .record(lag.isNegative() ? Duration.ZERO : lag));
    }

    public void rejected(Agency agency) {
        afterCommit.run(() -> counter("flexsi.rights.rejected", "Records the agency rejected", agency).increment());
    }

    public void sent(Agency agency, int records) {
        afterCommit.run(() -> counter("flexsi.rights.records.sent", "Records delivered to the agency, resends included",
                agency).increment(records));
    }

    public void sendFailed(Agency agency) {
        afterCommit.run(() -> counter("flexsi.rights.send.failures", "Failed requests to the agency", agency).increment());
    }

    /** 0 closed, 1 open, 2 half-open. */
    public void watchBreaker(Agency agency, CircuitBreaker breaker) {
        Gauge.builder("flexsi.rights.circuit.state", breaker, b -> b.state().ordinal())
                .description("Circuit breaker per agency: 0 closed, 1 open, 2 half-open")
                .tag("agency", agency.name()).register(registry);
    }

    /** Replaces the backlog gauges with a fresh count: agency → bucket → records. */
    public void backlog(Map<Agency, Map<String, Long>> byBucket, Map<Agency, Long> overdueByAgency) {
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        byBucket.forEach((agency, buckets) -> buckets.forEach((bucket, count) ->
                rows.add(MultiGauge.Row.of(Tags.of("agency", agency.name(), "days_to_deadline", bucket), count))));
        pending.register(rows, true);
        List<MultiGauge.Row<?>> late = new ArrayList<>();
        overdueByAgency.forEach((agency, count) -> late.add(MultiGauge.Row.of(Tags.of("agency", agency.name()), count)));
        overdue.register(late, true);
    }

    private Counter counter(String name, String description, Agency agency) {
        return Counter.builder(name).description(description).tag("agency", agency.name()).register(registry);
    }
}
