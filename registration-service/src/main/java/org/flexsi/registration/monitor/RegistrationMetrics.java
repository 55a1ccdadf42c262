package org.flexsi.registration.monitor;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import org.flexsi.platform.observability.AfterCommit;

/**
 * What an operator watches of registration, counted once the change commits: persons registered per region
 * ({@code flexsi_registration_registrations_total}), enrolment changes per kind
 * ({@code flexsi_registration_enrolment_changes_total}: started, interrupted, continued, suspended, medical-rate-changed)
 * and bulk rows refused ({@code flexsi_registration_bulk_rows_rejected_total}).
 */
@ApplicationScoped
public class RegistrationMetrics {
    private final MeterRegistry registry;
    private final AfterCommit afterCommit;

    public RegistrationMetrics(MeterRegistry registry, AfterCommit afterCommit) {
        this.registry = registry;
        this.afterCommit = afterCommit;
    }

    public void registered(String region) {
        afterCommit.run(() -> registry.counter("flexsi.registration.registrations", "region", region).increment());
    }

    public void enrolmentChanged(String kind) {
        afterCommit.run(() -> registry.counter("flexsi.registration.enrolment.changes", "kind", kind).increment());
    }

    /** Rows of a bulk file that were refused (each row is all-or-nothing; the others are registered). */
    public void bulkRowsRejected(int rows) {
        if (rows > 0) {
            registry.counter("flexsi.registration.bulk.rows.rejected").increment(rows);
        }
    }
}
