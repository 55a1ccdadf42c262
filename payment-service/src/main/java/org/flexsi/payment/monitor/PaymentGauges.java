package org.flexsi.payment.monitor;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.flexsi.payment.config.PaymentConfig;
import org.flexsi.payment.ops.OpsIssue;
import org.flexsi.payment.order.Channel;
import org.flexsi.payment.order.PaymentStatus;

/**
 * The payment figures operations alert on (issue 20), read from the database by a scheduled job
 * ({@code flexsi.payment.metrics.refresh-every}, 15 s) and served from memory, so a scrape never queries:
 * <ul>
 * <li>{@code flexsi_payment_paying_oldest_seconds{channel}}: age of the oldest PAYING order (0 when none);</li>
 * <li>{@code flexsi_payment_paying_age_seconds{channel}}: a histogram of the PAYING orders' ages at each refresh;</li>
 * <li>{@code flexsi_payment_held_amount_yuan{channel}}: total the channel took for the HELD orders (0 when none);</li>
 * <li>{@code flexsi_payment_orders{state,channel}}: orders per state and channel;</li>
 * <li>{@code flexsi_payment_reconciliation_discrepancy_oldest_opened_timestamp_seconds{channel}}: when the oldest open
 * reconciliation discrepancy (missing on theirs, amount or status difference, unknown order) was opened, epoch
 * seconds (0 when none);</li>
 * <li>{@code flexsi_payment_debit_oldest_unsent_seconds{bank}}: age of the oldest debit batch its bank has neither
 * accepted (sent and answered) nor fetched nor handed in a result for (0 when none).</li>
 * </ul>
 * Every channel and every configured bank has its series from the start, so "none" reads 0, not absent.
 */
@ApplicationScoped
public class PaymentGauges {
    static final List<String> DISCREPANCIES = List.of(OpsIssue.Kind.MISSING_ON_THEIRS.name(),
            OpsIssue.Kind.AMOUNT_DIFFERENCE.name(), OpsIssue.Kind.STATUS_DIFFERENCE.name(), OpsIssue.Kind.UNKNOWN_ORDER.name());
    private static final Map<String, String> DESCRIPTIONS = Map.of(
            "flexsi.payment.paying.oldest.seconds", "Age of the oldest order still PAYING, 0 when none",
            "flexsi.payment.held.amount.yuan", "Total of the orders HELD for ops (amount differs), 0 when none",
            "flexsi.payment.reconciliation.discrepancy.oldest.opened.timestamp.seconds",
            "When the oldest open reconciliation discrepancy was opened (epoch seconds), 0 when none",
            "flexsi.payment.orders", "Orders by state and channel",
            "flexsi.payment.debit.oldest.unsent.seconds",
            "Age of the oldest debit batch its bank has neither accepted nor fetched, 0 when none");
    private static final double[] AGE_BUCKETS = { 60, 120, 300, 600, 900, 1800, 3600, 7200 };

    private final EntityManager em;
    private final MeterRegistry registry;
    private final Clock clock;
    private final Map<String, Double> values = new ConcurrentHashMap<>();
    private final Map<String, DistributionSummary> payingAges = new ConcurrentHashMap<>();
    private final AtomicReference<Instant> refreshedAt = new AtomicReference<>();

    public PaymentGauges(EntityManager em, MeterRegistry registry, Clock clock, PaymentConfig config) {
        this.em = em;
        this.registry = registry;
        this.clock = clock;
        for (Channel channel : Channel.values()) {
            String c = channel.name();
            gauge("flexsi.payment.paying.oldest.seconds", "channel", c);
            gauge("flexsi.payment.held.amount.yuan", "channel", c);
            gauge("flexsi.payment.reconciliation.discrepancy.oldest.opened.timestamp.seconds", "channel", c);
            for (PaymentStatus state : PaymentStatus.values()) {
                gauge("flexsi.payment.orders", "state", state.name(), "channel", c);
            }
        }
        for (String bank : config.bankSecrets().keySet()) {
            gauge("flexsi.payment.debit.oldest.unsent.seconds", "bank", bank);
        }
    }

    /** The gauge's series, registered once; it reads what the last refresh found (0 before and when none). */
    private void gauge(String name, String... tags) {
        String key = key(name, tags);
        values.computeIfAbsent(key, k -> {
            Gauge.builder(name, values, v -> v.getOrDefault(key, 0.0)).description(DESCRIPTIONS.get(name)).tags(tags)
                    .register(registry);
            return 0.0;
        });
    }

    private static String key(String name, String... tags) {
        return name + "|" + String.join("|", tags);
    }

    @Scheduled(every = "${flexsi.payment.metrics.refresh-every:15s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            refresh();
        } catch (RuntimeException e) {
            Log.warnf("payment gauges not refreshed: %s", e.getMessage());
        }
    }

    /** When the figures were last read. */
    public Instant refreshedAt() {
        return refreshedAt.get();
    }

    /** Reads every figure from the database now. */
    public void refresh() {
        Instant now = clock.instant();
        Map<String, Double> next = new HashMap<>();
        QuarkusTransaction.requiringNew().run(() -> read(now, next));
        // series that were not found this time read 0: nothing PAYING, nothing HELD, no discrepancy, nothing unsent
        for (String key : values.keySet()) {
            values.put(key, next.getOrDefault(key, 0.0));
        }
        next.forEach((key, value) -> {
            if (!values.containsKey(key)) {
                String[] parts = key.split("\\|");
                String[] tags = java.util.Arrays.copyOfRange(parts, 1, parts.length);
                gauge(parts[0], tags);
                values.put(key, value);
            }
        });
        refreshedAt.set(now);
    }

    @SuppressWarnings("unchecked")
    private void read(Instant now, Map<String, Double> next) {
        List<Object[]> byState = em.createNativeQuery("select status, channel, count(*), coalesce(sum(coalesce(paid_amount, amount)), 0),"
                + " min(created_at) from payment group by status, channel").getResultList();
        for (Object[] row : byState) {
            String state = (String) row[0];
            String channel = (String) row[1];
            next.put(key("flexsi.payment.orders", "state", state, "channel", channel), ((Number) row[2]).doubleValue());
            if (PaymentStatus.PAYING.name().equals(state)) {
                next.put(key("flexsi.payment.paying.oldest.seconds", "channel", channel), ageSeconds(row[4], now));
            } else if (PaymentStatus.HELD.name().equals(state)) {
                next.put(key("flexsi.payment.held.amount.yuan", "channel", channel), ((BigDecimal) row[3]).doubleValue());
            }
        }
        List<Object[]> paying = em.createNativeQuery("select channel, created_at from payment where status = 'PAYING'")
                .getResultList();
        for (Object[] row : paying) {
            payingAges.computeIfAbsent((String) row[0], channel -> DistributionSummary
                    .builder("flexsi.payment.paying.age.seconds")
                    .description("Ages of the orders PAYING at each refresh of the payment gauges").baseUnit("seconds")
                    .tags("channel", channel).serviceLevelObjectives(AGE_BUCKETS).register(registry))
                    .record(ageSeconds(row[1], now));
        }
        List<Object[]> discrepancies = em.createNativeQuery("select channel, min(created_at) from ops_issue"
                + " where state = 'OPEN' and kind in (?1, ?2, ?3, ?4) group by channel")
                .setParameter(1, DISCREPANCIES.get(0)).setParameter(2, DISCREPANCIES.get(1))
                .setParameter(3, DISCREPANCIES.get(2)).setParameter(4, DISCREPANCIES.get(3)).getResultList();
        for (Object[] row : discrepancies) {
            next.put(key("flexsi.payment.reconciliation.discrepancy.oldest.opened.timestamp.seconds", "channel",
                    (String) row[0]), (double) instant(row[1]).getEpochSecond());
        }
        List<Object[]> unsent = em.createNativeQuery("select b.bank_id, min(b.created_at) from debit_batch b"
                + " where b.sent_at is null and b.fetched_at is null"
                + " and not exists (select 1 from debit_result_file r where r.batch_id = b.id) group by b.bank_id")
                .getResultList();
        for (Object[] row : unsent) {
            next.put(key("flexsi.payment.debit.oldest.unsent.seconds", "bank", (String) row[0]), ageSeconds(row[1], now));
        }
    }

    private static double ageSeconds(Object timestamp, Instant now) {
        return Math.max(0, Duration.between(instant(timestamp), now).toMillis() / 1000.0);
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        throw new IllegalStateException("not a timestamp: " + value);
    }
}
