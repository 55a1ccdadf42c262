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
import org.jboss.logging.MDC;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Idempotent consumption: the event id is recorded in the same transaction as the effect, so a
 * redelivered event changes nothing. Transient failures (database briefly down) are retried here;
 * a record that can never be processed is rethrown, and the channel's dead-letter strategy parks it
 * on {@code <topic>.dlq} with the reason and the original headers.
 */
@ApplicationScoped
public class Inbox {
    private static final int ATTEMPTS = 5;

    private final EntityManager em;
    private final Tracer tracer;
    private final PlatformMetrics metrics;

    public Inbox(EntityManager em, Tracer tracer, PlatformMetrics metrics) {
        this.em = em;
        this.tracer = tracer;
        this.metrics = metrics;
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
            return consumeOnce(event, effect);
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
        for (int attempt = 1;; attempt++) {
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
                if (attempt == ATTEMPTS || !transientFailure(e)) {
                    throw e;
                }
                Log.warnf("retrying event %s (%s), attempt %d: %s", event.id(), event.type(), attempt, e.getMessage());
                sleep(200L << attempt);
            }
        }
    }

    private boolean firstDelivery(IncomingEvent event) {
        return em.createNativeQuery("insert into inbox_event (event_id, topic, event_type, processed_at) values (?1, ?2, ?3, ?4)"
                + " on conflict (event_id) do nothing")
                .setParameter(1, event.id()).setParameter(2, event.topic()).setParameter(3, event.type())
                .setParameter(4, Instant.now()).executeUpdate() == 1;
    }

    private static boolean transientFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLTransientException || t instanceof org.hibernate.exception.JDBCConnectionException
                    || t instanceof jakarta.persistence.LockTimeoutException
                    || t instanceof org.hibernate.exception.LockAcquisitionException) {
                return true;
            }
        }
        return false;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
