package org.flexsi.platform.observability;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.util.Map;

/** W3C {@code traceparent} of the current span, and back: how a trace crosses the outbox and Kafka. */
public final class TraceContext {
    public static final String HEADER = "traceparent";

    private static final TextMapGetter<String> SINGLE = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(String carrier) {
            return java.util.List.of(HEADER);
        }

        @Override
        public String get(String carrier, String key) {
            return HEADER.equals(key) ? carrier : null;
        }
    };

    private TraceContext() {
    }

    /** The current span's traceparent, or null outside any trace. */
    public static String current() {
        SpanContext span = Span.current().getSpanContext();
        if (!span.isValid()) {
            return null;
        }
        Map<String, String> carrier = new java.util.HashMap<>(2);
        W3CTraceContextPropagator.getInstance().inject(Context.current(), carrier, Map::put);
        return carrier.get(HEADER);
    }

    /** The current trace id (32 hex digits), or null outside any trace. */
    public static String currentTraceId() {
        SpanContext span = Span.current().getSpanContext();
        return span.isValid() ? span.getTraceId() : null;
    }

    /** The context a traceparent names as parent; the root context when it is absent or malformed. */
    public static Context parent(String traceparent) {
        return traceparent == null ? Context.root()
                : W3CTraceContextPropagator.getInstance().extract(Context.root(), traceparent, SINGLE);
    }
}
