package org.flexsi.platform.outbox;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadPoolExecutor;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flexsi.platform.crypto.FieldCipher;
import org.flexsi.platform.kafka.CloudEventHeaders;
import org.flexsi.platform.kafka.FlexsiProducer;
import org.flexsi.platform.observability.AfterCommit;
import org.flexsi.platform.observability.TraceContext;

/**
 * Publishes committed outbox rows in order and marks them sent. One relay at a time per database, which keeps per-key
 * order without further coordination: a batch is claimed under a transaction-scoped advisory lock with a lease in its
 * rows ({@code claimed_by}, {@code claimed_until}), and no instance claims while another's lease runs. No transaction
 * stays open while Kafka acknowledges: a batch is claimed in one (lock, mark, claim), sent with none, and marked sent
 * (one statement) by the transaction that claims the next batch, or by the next wake-up or poll when there is none:
 * one commit per batch. A claim left by a dead instance runs out ({@code flexsi.outbox.claim-lease}) and its rows are
 * sent again; so are a batch's rows when its sender outlived its lease: the consumers' inbox drops the copies. Every service's business flow shows at {@code /q/metrics} as
 * {@code flexsi_events_published_total{type}}, counted once the mark-sent commits, and a stuck relay (broker down) as
 * {@code flexsi_outbox_oldest_unsent_seconds}, the age of the oldest event this relay found still to publish.
 */
@ApplicationScoped
public class OutboxRelay {
    /** Any constant shared by all instances of one service; each service has its own database. */
    private static final long RELAY_LOCK = 0x0f1e_5e00_0001L;
    private static final int BATCH = 200;
    /** Tells this instance's claims from another's; a restarted process is another instance. */
    private final UUID instance = UUID.randomUUID();

    private final EntityManager em;
    private final FlexsiProducer producer;
    private final RelayDisabled disabled;
    private final MeterRegistry registry;
    private final AfterCommit afterCommit;
    private final FieldCipher cipher;
    /** One thread: drains never overlap within an instance, and wake-ups queue behind each other. */
    private final ExecutorService worker = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(2), runnable -> new Thread(runnable, "outbox-relay"),
            new ThreadPoolExecutor.DiscardPolicy());
    /** When the oldest event the last batch found was written; null when it found none, or another instance relays. */
    private final AtomicReference<Instant> oldestUnsent = new AtomicReference<>();
    private final Duration lease;
    /**
     * The rows this instance claims last were acknowledged and are not marked sent yet; only the worker thread touches
     * it. Without it a claim still held after a failed send would be marked sent unsent.
     */
    private boolean acknowledged;

    public OutboxRelay(EntityManager em, FlexsiProducer producer, RelayDisabled disabled, MeterRegistry registry,
            AfterCommit afterCommit, FieldCipher cipher,
            @ConfigProperty(name = "flexsi.outbox.claim-lease", defaultValue = "10s") Duration lease) {
        this.lease = lease;
        this.cipher = cipher;
        this.em = em;
        this.producer = producer;
        this.disabled = disabled;
        this.registry = registry;
        this.afterCommit = afterCommit;
        registry.gauge("flexsi.outbox.oldest.unsent.seconds", oldestUnsent, OutboxRelay::ageSeconds);
    }

    /** Rows claimed for sending, in order. */
    private record Batch(List<ProducerRecord<String, String>> records) {
        static final Batch NONE = new Batch(List.of());

        int size() {
            return records.size();
        }
    }

    private static double ageSeconds(AtomicReference<Instant> oldest) {
        Instant since = oldest.get();
        return since == null ? 0 : Math.max(0, Duration.between(since, Instant.now()).toMillis() / 1000.0);
    }

    /** Marks what was acknowledged, so that the other instances need not wait for this one's lease to run out. */
    @PreDestroy
    void stop() {
        worker.shutdownNow();
        try {
            if (worker.awaitTermination(5, TimeUnit.SECONDS) && acknowledged) {
                QuarkusTransaction.requiringNew().run(this::markSent);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            Log.warnf("outbox relay left its last batch to be sent again after its lease: %s", e.getMessage());
        }
    }

    /** Low latency: publish as soon as a transaction with events commits. */
    void onCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) Outbox.OutboxWritten written) {
        if (disabled.relayEnabled()) {
            worker.execute(this::drain);
        }
    }

    /** Safety net: rows left by a crash, a broker outage or another instance's lock are picked up here. */
    @Scheduled(every = "${flexsi.outbox.poll-interval:1s}", skipExecutionIf = RelayDisabled.class)
    void poll() {
        worker.execute(this::drain);
    }

    void drain() {
        try {
            Batch batch;
            do {
                boolean mark = acknowledged;
                batch = QuarkusTransaction.requiringNew().call(() -> {
                    if (mark) {
                        markSent();
                    }
                    return claim();
                });
                acknowledged = false;
                send(batch);
                acknowledged = batch.size() > 0;
            } while (batch.size() == BATCH);
        } catch (RuntimeException e) {
            Log.warnf("outbox relay paused: %s", e.getMessage());
        }
    }

    /**
     * One batch by hand (a relay disabled for tests): claimed in a transaction of its own, sent with none open, and
     * marked sent in the caller's transaction (a new one without); returns how many rows it sent.
     */
    public int relayBatch() {
        Batch batch = QuarkusTransaction.requiringNew().call(this::claim);
        send(batch);
        if (batch.size() > 0) {
            QuarkusTransaction.joiningExisting().run(this::markSent);
        }
        return batch.size();
    }

    /**
     * The next rows to send, in order, claimed for this instance's lease; none when another instance holds the relay
     * lock (claiming now) or a lease that still runs (sending, or marking at its next turn). This instance's own
     * unmarked claim is no obstacle: its single worker is not sending it, so it is sent again.
     */
    private Batch claim() {
        boolean mine = (Boolean) em.createNativeQuery("select pg_try_advisory_xact_lock(?1)")
                .setParameter(1, RELAY_LOCK).getSingleResult();
        if (!mine || (Boolean) em.createNativeQuery("select exists (select 1 from outbox_event where sent_at is null"
                + " and claimed_until > now() and claimed_by <> ?1)").setParameter(1, instance).getSingleResult()) {
            oldestUnsent.set(null);
            return Batch.NONE;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = new ArrayList<>(em.createNativeQuery("update outbox_event set claimed_by = ?1,"
                + " claimed_until = now() + make_interval(secs => ?2) where seq in (select seq from outbox_event"
                + " where sent_at is null order by seq limit ?3)"
                + " returning seq, event_id, topic, event_key, event_type, subject, payload, occurred_at, trace_parent")
                .setParameter(1, instance).setParameter(2, lease.toMillis() / 1000.0).setParameter(3, BATCH)
                .getResultList());
        // returning keeps no order: sent in seq order, the first is the oldest, and it stays the oldest while sending fails
        rows.sort(Comparator.comparingLong(row -> ((Number) row[0]).longValue()));
        oldestUnsent.set(rows.isEmpty() ? null : toInstant(rows.get(0)[7]));
        List<ProducerRecord<String, String>> records = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            ProducerRecord<String, String> record = new ProducerRecord<>((String) row[2], (String) row[3],
                    cipher.decrypt(Outbox.PAYLOAD_COLUMN, (String) row[6]));
            CloudEventHeaders.write(record.headers(), (UUID) row[1], producer.source(), (String) row[4], (String) row[5],
                    toInstant(row[7]));
            if (row[8] != null) {
                record.headers().add(TraceContext.HEADER, ((String) row[8]).getBytes(StandardCharsets.US_ASCII));
            }
            records.add(record);
        }
        return new Batch(records);
    }

    /** Sends in order and waits until Kafka has acknowledged every record; no transaction is open here. */
    private void send(Batch batch) {
        List<Future<?>> acks = new ArrayList<>(batch.size());
        batch.records().forEach(record -> acks.add(producer.send(record)));
        for (Future<?> ack : acks) {
            producer.await(ack, 30, TimeUnit.SECONDS);
        }
    }

    /** The rows this instance claimed and Kafka acknowledged, marked sent in one statement; counted once it commits. */
    private void markSent() {
        @SuppressWarnings("unchecked")
        List<String> types = em.createNativeQuery("update outbox_event set sent_at = ?1 where claimed_by = ?2"
                + " and sent_at is null returning event_type").setParameter(1, Instant.now()).setParameter(2, instance)
                .getResultList();
        Map<String, Integer> counts = new TreeMap<>();
        types.forEach(type -> counts.merge(type, 1, Integer::sum));
        afterCommit.run(() -> counts.forEach((type, count) ->
                registry.counter("flexsi.events.published", "type", type).increment(count)));
    }

    private static Instant toInstant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        return ((java.sql.Timestamp) value).toInstant();
    }
}
