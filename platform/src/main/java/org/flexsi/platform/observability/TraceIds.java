package org.flexsi.platform.observability;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Every answer names its trace in {@code X-Trace-Id}, so a caller can quote it to operations. The trace itself is
 * OpenTelemetry's: the caller's W3C {@code traceparent} when it sends one, a new trace otherwise; log lines carry it
 * as {@code traceId} and {@code spanId}.
 */
public class TraceIds {
    public static final String RESPONSE_HEADER = "X-Trace-Id";

    @ServerResponseFilter
    public void echo(ContainerRequestContext request, ContainerResponseContext response) {
        String traceId = TraceContext.currentTraceId();
        if (traceId != null) {
            response.getHeaders().putSingle(RESPONSE_HEADER, traceId);
        }
    }
}
