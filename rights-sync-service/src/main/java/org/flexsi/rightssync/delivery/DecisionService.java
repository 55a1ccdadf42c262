package org.flexsi.rightssync.delivery;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.flexsi.contracts.events.RightsConfirmed;
import org.flexsi.contracts.events.RightsRejected;
import org.flexsi.platform.outbox.Outbox;
import org.flexsi.rightssync.monitor.RightsMetrics;
import org.flexsi.rightssync.query.AgencyScope;
import org.flexsi.rightssync.record.Agency;
import org.flexsi.rightssync.record.Stage;
import org.flexsi.rightssync.record.SyncRecord;

/**
 * Applies an agency's confirmation or rejection, once: a repeated decision is a no-op, a contradicting
 * one is refused and logged, a decision for a record this service never sent is refused.
 */
@ApplicationScoped
@Transactional
public class DecisionService {
    public enum Outcome { APPLIED, DUPLICATE, CONFLICT, UNKNOWN }

    private final EntityManager em;
    private final Outbox outbox;
    private final Clock clock;
    private final RightsMetrics metrics;

    public DecisionService(EntityManager em, Outbox outbox, Clock clock, RightsMetrics metrics) {
        this.em = em;
        this.outbox = outbox;
        this.clock = clock;
        this.metrics = metrics;
    }

    public Outcome apply(Agency agency, AgencyDecision decision) {
        return apply(agency, null, decision);
    }

    /**
     * A decision of an agency in {@code scope} (null: every region, as the agency's system itself calls back for all
     * of them); a record outside its regions is as unknown to it as one that does not exist.
     */
    public Outcome apply(Agency agency, AgencyScope scope, AgencyDecision decision) {
        SyncRecord record = em.find(SyncRecord.class, decision.recordId(), LockModeType.PESSIMISTIC_WRITE);
        if (record == null || record.agency != agency || (scope != null && !scope.serves(record.region))) {
            Log.warnf("%s sent a decision for unknown record %s", agency, decision.recordId());
            return Outcome.UNKNOWN;
        }
        Stage outcome = decision.confirmed() ? Stage.CONFIRMED : Stage.REJECTED;
        if (record.stage.decided()) {
            if (record.stage == outcome && Objects.equals(record.agencyReference, decision.agencyReference())) {
                return Outcome.DUPLICATE;
            }
            Log.warnf("%s sent %s for record %s, already %s; the first decision stands", agency, decision.status(),
                    record.recordId, record.stage);
            return Outcome.CONFLICT;
        }
        Instant now = clock.instant();
        record.stage = outcome;
        record.decidedAt = decision.decidedAt() == null ? now : decision.decidedAt();
        record.recordedAt = now;
        record.nextPollAt = null;
        record.resend = false;
        if (outcome == Stage.CONFIRMED) {
            record.agencyReference = decision.agencyReference();
            metrics.confirmed(agency, Duration.between(record.paidAt, now));
            outbox.publish(new RightsConfirmed(record.recordId, record.personId, agency.name(), record.paymentId,
                    record.insurance, record.monthList(), record.agencyReference, now, record.kind.name()));
            Log.infof("%s confirmed record %s as %s", agency, record.recordId, record.agencyReference);
        } else {
            reject(record, decision.reason() == null || decision.reason().isBlank() ? "rejected without a reason"
                    : decision.reason(), now);
        }
        return Outcome.APPLIED;
    }

    /** Puts a record on the ops work list; also used when the agency refuses a record's content outright. */
    void reject(SyncRecord record, String reason, Instant now) {
        record.stage = Stage.REJECTED;
        record.reason = reason.length() > 500 ? reason.substring(0, 500) : reason;
        if (record.decidedAt == null) {
            record.decidedAt = now;
        }
        record.recordedAt = now;
        record.nextPollAt = null;
        record.resend = false;
        outbox.publish(new RightsRejected(record.recordId, record.personId, record.agency.name(), record.paymentId,
                record.reason, now));
        metrics.rejected(record.agency);
        Log.warnf("%s rejected record %s of payment %s: %s", record.agency, record.recordId, record.paymentId, record.reason);
    }
}
