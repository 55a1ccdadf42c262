package org.flexsi.platform.observability;

import io.opentelemetry.sdk.trace.samplers.Sampler;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Traces are always propagated (log lines, HTTP and Kafka carry the trace id) but recorded only where they are
 * exported: with no OTLP endpoint configured ({@code OTEL_EXPORTER_OTLP_ENDPOINT} or
 * {@code quarkus.otel.exporter.otlp[.traces].endpoint}) no span is recorded, so nothing is sent to a collector that
 * is not there. With one, {@code flexsi.tracing.ratio} of new traces are recorded, and a caller's decision is kept.
 */
public class ExportAwareSampler {
    /** What Quarkus assumes when nothing is configured: no collector has been named. */
    private static final String QUARKUS_DEFAULT = "http://localhost:4317";

    @Produces
    @Singleton
    Sampler sampler(@ConfigProperty(name = "flexsi.tracing.ratio", defaultValue = "1.0") double ratio) {
        Config config = ConfigProvider.getConfig();
        Optional<String> endpoint = config.getOptionalValue("quarkus.otel.exporter.otlp.endpoint", String.class);
        Optional<String> tracesEndpoint = config.getOptionalValue("quarkus.otel.exporter.otlp.traces.endpoint", String.class);
        boolean exported = Optional.ofNullable(System.getenv("OTEL_EXPORTER_OTLP_ENDPOINT")).filter(url -> !url.isBlank()).isPresent()
                || endpoint.or(() -> tracesEndpoint).filter(url -> !url.isBlank() && !url.equals(QUARKUS_DEFAULT)).isPresent();
        return exported ? Sampler.parentBased(Sampler.traceIdRatioBased(ratio)) : Sampler.alwaysOff();
    }
}
