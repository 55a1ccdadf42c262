package org.flexsi.certificate.monitor;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.flexsi.platform.observability.AfterCommit;

/**
 * What operations watch of certificates at {@code /q/metrics}, named {@code flexsi_certificate_<what>_<unit>}:
 * certificates issued and revoked (counted once their transaction commits), how many working days after the payment
 * a certificate became available, how long a PDF takes to render and sign, and the paid records whose certificate is
 * due (R22) but cannot be served ({@link LateCertificates}, recounted periodically).
 */
@ApplicationScoped
public class CertificateMetrics {
    private final AfterCommit afterCommit;
    private final Counter issued;
    private final Counter revoked;
    private final MeterRegistry registry;
    private final MultiGauge late;

    public CertificateMetrics(MeterRegistry registry, AfterCommit afterCommit) {
        this.registry = registry;
        this.afterCommit = afterCommit;
        this.issued = Counter.builder("flexsi.certificate.issued")
                .description("Certificates issued (for a payment, after a refund, for a period, for a historical load)")
                .register(registry);
        this.revoked = Counter.builder("flexsi.certificate.revoked")
                .description("Certificates revoked (a refund of a payment they cover)").register(registry);
        this.late = MultiGauge.builder("flexsi.certificate.late.records")
                .description("Paid records whose certificate is due by the region's working-day rule (R22) but cannot be"
                        + " served").register(registry);
    }

    public void issued() {
        afterCommit.run(issued::increment);
    }

    public void revoked(int certificates) {
        if (certificates > 0) {
            afterCommit.run(() -> revoked.increment(certificates));
        }
    }

    /** A payment's certificate became available {@code workingDays} working days after the payment date (R22). */
    public void availableAfter(String region, int workingDays) {
        afterCommit.run(() -> DistributionSummary.builder("flexsi.certificate.availability.working.days")
                .description("Working days from the payment date to the day its certificate became available")
                .tag("region", region)
                // 0.5 separates "on the payment day" (0) from 1; a boundary must be above 0
                .serviceLevelObjectives(0.5, 1, 2, 3, 5, 10)
                .register(registry)
                .record(workingDays));
    }

    /** Rendering and signing one certificate PDF; {@code outcome} success or failure. */
    public Timer pdfTimer(String outcome) {
        return Timer.builder("flexsi.certificate.pdf.render")
                .description("Time to render and sign one certificate PDF")
                .tag("outcome", outcome)
                .serviceLevelObjectives(java.time.Duration.ofMillis(100), java.time.Duration.ofMillis(250),
                        java.time.Duration.ofMillis(500), java.time.Duration.ofSeconds(1), java.time.Duration.ofSeconds(2),
                        java.time.Duration.ofSeconds(5))
                .register(registry);
    }

    public Timer.Sample startPdf() {
        return Timer.start(registry);
    }

    /** Replaces the late-records gauge: region → records. */
    public void late(Map<String, Long> byRegion) {
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        byRegion.forEach((region, count) -> rows.add(MultiGauge.Row.of(Tags.of("region", region), count)));
        late.register(rows, true);
    }
}
