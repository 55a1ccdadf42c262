package org.flexsi.platform.inbox;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Header;
import org.flexsi.platform.observability.PlatformMetrics;
import org.flexsi.platform.observability.TraceContext;
import org.flexsi.platform.problem.DatabaseFailure;
import org.jboss.logging.MDC;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;

/**
 * Idempotent consumption: the event id is recorded in the same transaction as the effect, so a
 * redelivered event changes nothing. Transient failures are retried here, and a database that refuses connections is
 * waited for, however long (the record is not at fault);
 * a record that can never be processed is parked on {@code <topic>.dlq} with the reason and the original
 * headers: by the channel's dead-letter strategy for {@link #consume}, by {@link DeadLetterPublisher} for {@link #consumeBatch}.
 */
@ApplicationScoped
public class Inbox {
    private static final int ATTEMPTS = 5;
    private static final long DATABASE_WAIT_MILLIS = 2_000;

    private final EntityManager em;
    private final Tracer tracer;
    private final PlatformMetrics metrics;
    private final DeadLetterPublisher deadLetters;

    public Inbox(EntityManager em, Tracer tracer, PlatformMetrics metrics, DeadLetterPublisher deadLetters) {
        this.em = em;
        this.tracer = tracer;
        this.metrics = metrics;
        this.deadLetters = deadLetters;
    }

    /**
     * A polled batch ({@code batch=true} channel): every record's effect, in the records' order (so per key), in one
     * transaction with one inbox insert. When anything in it fails, the batch rolls back and each record is taken on
     * its own ({@link #consume}'s retries), so that only a record that cannot be processed goes to the dead-letter topic.
     */
    public void consumeBatch(ConsumerRecords<String, String> records, Consumer<IncomingEvent> effect) {
        List<ConsumerRecord<String, String>> wellFormed = new ArrayList<>(records.count());
        List<IncomingEvent> events = new ArrayList<>(records.count());
        for (ConsumerRecord<String, String> record : records) {
            try {
                events.add(IncomingEvent.parse(record));
                wellFormed.add(record);
            } catch (MalformedEventException e) {
                park(record, e);
            }
        }
        if (events.size() > 1 && consumedTogether(wellFormed, events, effect)) {
            return;
        }
        for (ConsumerRecord<String, String> record : wellFormed) {
            try {
                traced(record, effect);
            } catch (RuntimeException e) {
                park(record, e);
            }
        }
    }

    private boolean consumedTogether(List<ConsumerRecord<String, String>> records, List<IncomingEvent> events,
            Consumer<IncomingEvent> effect) {
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                Set<UUID> first = firstDeliveries(events);
                for (int i = 0; i < events.size(); i++) {
                    // remove: the same event twice in one batch has one effect
                    if (first.remove(events.get(i).id())) {
                        IncomingEvent event = events.get(i);
                        inSpan(records.get(i), event, () -> {
                            effect.accept(event);
                            return null;
                        });
                        // each effect written and its entities let go: left managed, every later query of the batch
                        // would dirty-check all of them again (Hibernate's auto-flush), quadratic in the batch
                        em.flush();
                        em.clear();
                    }
                }
            });
            return true;
        } catch (RuntimeException e) {
            Log.warnf("a batch of %d from %s failed (%s); taking its records one by one", events.size(),
                    events.get(0).topic(), e.getMessage());
            return false;
        }
    }

    private void park(ConsumerRecord<String, String> record, RuntimeException reason) {
        Log.errorf("event at %s-%d@%d goes to the dead-letter topic: %s", record.topic(), record.partition(), record.offset(),
                reason.getMessage());
        deadLetters.park(record, reason);
        metrics.deadLetter(record.topic());
    }

    /**
     * Applies {@code effect} once per event id; returns whether this delivery had an effect. The work is a span of the
     * trace the record's {@code traceparent} names, so events the effect writes continue that trace too.
     */
    public boolean consume(ConsumerRecord<String, String> record, Consumer<IncomingEvent> effect) {
        try {
            return traced(record, effect);
        } catch (RuntimeException e) {
            // the channel's failure strategy parks it on <topic>.dlq
            metrics.deadLetter(record.topic());
            throw e;
        }
    }

    private boolean traced(ConsumerRecord<String, String> record, Consumer<IncomingEvent> effect) {
        IncomingEvent event = IncomingEvent.parse(record);
        return inSpan(record, event, () -> consumeOnce(event, effect));
    }

    private <T> T inSpan(ConsumerRecord<String, String> record, IncomingEvent event, Supplier<T> work) {
        Header traceparent = record.headers().lastHeader(TraceContext.HEADER);
        Span span = tracer.spanBuilder(record.topic() + " process").setSpanKind(SpanKind.CONSUMER)
                .setParent(TraceContext.parent(traceparent == null ? null
                        : new String(traceparent.value(), StandardCharsets.US_ASCII)))
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.destination.name", record.topic())
                .setAttribute("messaging.message.id", event.id().toString())
                .setAttribute("cloudevents.event_type", event.type())
                .startSpan();
        try (Scope ignored = span.makeCurrent()) {
            MDC.put("traceId", span.getSpanContext().getTraceId());
            MDC.put("spanId", span.getSpanContext().getSpanId());
            return work.get();
        } catch (RuntimeException e) {
            span.setStatus(StatusCode.ERROR, e.getClass().getSimpleName());
            throw e;
        } finally {
            span.end();
            MDC.remove("traceId");
            MDC.remove("spanId");
        }
    }

    private boolean consumeOnce(IncomingEvent event, Consumer<IncomingEvent> effect) {
        int attempt = 0;
        while (true) {
            try {
                return QuarkusTransaction.requiringNew().call(() -> {
                    if (!firstDelivery(event)) {
                        Log.debugf("event %s already processed", event.id());
                        return false;
                    }
                    effect.accept(event);
                    return true;
                });
            } catch (MalformedEventException e) {
                throw e;
            } catch (RuntimeException e) {
                // the database down is no fault of the record: wait for it however long, never park a good event
                DatabaseFailure failure = DatabaseFailure.of(e);
                boolean databaseGone = failure == DatabaseFailure.GONE;
                if (!databaseGone && (++attempt == ATTEMPTS || failure != DatabaseFailure.TRANSIENT)) {
                    throw e;
                }
                Log.warnf("retrying event %s (%s)%s: %s", event.id(), event.type(),
                        databaseGone ? " once the database accepts connections" : ", attempt " + attempt, e.getMessage());
                if (!pause(databaseGone ? DATABASE_WAIT_MILLIS : 200L << attempt)) {
                    throw e;
                }
            }
        }
    }

    private boolean firstDelivery(IncomingEvent event) {
        return firstDeliveries(List.of(event)).contains(event.id());
    }

    /** Records the events' ids in one statement; returns those not seen before. */
    private Set<UUID> firstDeliveries(List<IncomingEvent> events) {
        // arrays, not a values list: one statement text (one cached plan) for every batch size
        @SuppressWarnings("unchecked")
        List<Object> inserted = em.createNativeQuery("insert into inbox_event (event_id, topic, event_type, processed_at)"
                + " select unnest(cast(?1 as uuid[])), unnest(cast(?2 as varchar[])), unnest(cast(?3 as varchar[])), ?4"
                + " on conflict (event_id) do nothing returning event_id")
                .setParameter(1, events.stream().map(e -> e.id().toString()).toArray(String[]::new))
                .setParameter(2, events.stream().map(IncomingEvent::topic).toArray(String[]::new))
                .setParameter(3, events.stream().map(IncomingEvent::type).toArray(String[]::new))
                .setParameter(4, Instant.now()).getResultList();
        Set<UUID> first = new HashSet<>();
        inserted.forEach(id -> first.add(id instanceof UUID uuid ? uuid : UUID.fromString(id.toString())));
        return first;
    }

    /** Whether the pause ran its course (not when the consumer is being stopped). */
    private static boolean pause(long millis) {
        try {
            Thread.sleep(millis);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
