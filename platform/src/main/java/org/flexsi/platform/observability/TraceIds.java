package org.flexsi.platform.observability;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Every request gets a trace id in the log lines it causes (log format {@code traceId=%X{traceId}}):
 * the caller's W3C {@code traceparent} trace id when it sends one, a new one otherwise. The id is
 * echoed in {@code X-Trace-Id} so a caller can quote it to operations.
 */
public class TraceIds {
    public static final String MDC_KEY = "traceId";
    public static final String RESPONSE_HEADER = "X-Trace-Id";
    private static final Pattern TRACEPARENT = Pattern.compile("^[0-9a-f]{2}-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}$");

    @ServerRequestFilter(preMatching = true)
    public void assign(ContainerRequestContext request) {
        String header = request.getHeaderString("traceparent");
        var matcher = header == null ? null : TRACEPARENT.matcher(header);
        String traceId = matcher != null && matcher.matches() ? matcher.group(1)
                : UUID.randomUUID().toString().replace("-", "");
        MDC.put(MDC_KEY, traceId);
        request.setProperty(MDC_KEY, traceId);
    }

    @ServerResponseFilter
    public void echo(ContainerRequestContext request, ContainerResponseContext response) {
        Object traceId = request.getProperty(MDC_KEY);
        if (traceId != null) {
            response.getHeaders().putSingle(RESPONSE_HEADER, traceId);
        }
        MDC.remove(MDC_KEY);
    }
}
