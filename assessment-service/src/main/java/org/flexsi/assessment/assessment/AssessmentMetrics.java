package org.flexsi.assessment.assessment;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Locale;
import org.flexsi.platform.observability.AfterCommit;

/**
 * The business figures of assessment-service an operator watches (issue 20), exported as {@code flexsi_assessment_*}:
 * assessments created by region and source, expired and cancelled by reason, quotes by region. Every count is made
 * once the transaction that did it commits ({@link AfterCommit}): what rolled back, or an idempotent replay, counts nothing.
 */
@ApplicationScoped
public class AssessmentMetrics {
    static final String CREATED = "flexsi.assessment.assessments.created";
    static final String EXPIRED = "flexsi.assessment.assessments.expired";
    static final String CANCELLED = "flexsi.assessment.assessments.cancelled";
    static final String QUOTES = "flexsi.assessment.quotes";

    /** Why an unpaid assessment expired. */
    public enum Expiry {
        /** self-selected: its configured lifetime ran out */
        LIFETIME,
        /** self-selected: cut short by the end of the contribution year or a deferral deadline */
        WINDOW_CLOSED,
        /** agency-made: the agency's deadline (or the default one) passed */
        AGENCY_DEADLINE;

        String tag() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** Why an open assessment was cancelled: asked for, or priced on enrolment terms that changed (issue 16). */
    public enum Cancellation {
        REQUESTED,
        ENROLMENT_STARTED,
        ENROLMENT_INTERRUPTED,
        ENROLMENT_SUSPENDED,
        ENROLMENT_CONTINUED,
        MEDICAL_RATE_CHANGED;

        String tag() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    private final MeterRegistry registry;
    private final AfterCommit afterCommit;

    public AssessmentMetrics(MeterRegistry registry, AfterCommit afterCommit) {
        this.registry = registry;
        this.afterCommit = afterCommit;
    }

    /** Every reason's series exists from the start: the first expiry or cancellation is an increase, not a new series. */
    void register(@Observes StartupEvent started) {
        for (Expiry reason : Expiry.values()) {
            expiredCounter(reason);
        }
        for (Cancellation reason : Cancellation.values()) {
            cancelledCounter(reason);
        }
    }

    /** An assessment of {@code region} was stored; {@code source} SELF_SELECTED counts as self, AGENCY as agency. */
    public void created(String region, String source) {
        String by = AssessmentService.AGENCY.equals(source) ? "agency" : "self";
        afterCommit.run(() -> Counter.builder(CREATED).description("assessments created, by region and by who made them"
                        + " (self: self-selected; agency: pushed by an agency)")
                .tags("region", region, "source", by).register(registry).increment());
    }

    public void expired(Expiry reason) {
        afterCommit.run(() -> expiredCounter(reason).increment());
    }

    public void cancelled(Cancellation reason, int count) {
        if (count > 0) {
            afterCommit.run(() -> cancelledCounter(reason).increment(count));
        }
    }

    /** A quote was answered for a catalogue of {@code region}. */
    public void quoted(String region) {
        afterCommit.run(() -> Counter.builder(QUOTES).description("quotes answered, by the catalogue's region")
                .tags("region", region).register(registry).increment());
    }

    private Counter expiredCounter(Expiry reason) {
        return Counter.builder(EXPIRED).description("unpaid assessments expired, by reason")
                .tags("reason", reason.tag()).register(registry);
    }

    private Counter cancelledCounter(Cancellation reason) {
        return Counter.builder(CANCELLED).description("open assessments cancelled, by reason")
                .tags("reason", reason.tag()).register(registry);
    }
}
