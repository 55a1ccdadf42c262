package org.flexsi.rightssync.record;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.flexsi.contracts.events.PaymentRefunded;
import org.flexsi.contracts.events.PaymentSucceeded;
import org.flexsi.platform.calendar.CalendarNotLoadedException;
import org.flexsi.platform.calendar.CalendarService;
import org.flexsi.platform.inbox.MalformedEventException;
import org.flexsi.rightssync.config.RightsSyncConfig;
import org.flexsi.rightssync.delivery.RecordsWaiting;

/** Turns payments and refunds into stored records, each with its deadline. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class RecordIntake {
    /** payment.refunded's refundKind for money that never became a payment; older events carry none. */
    static final String AUTOMATIC = "AUTOMATIC";

    private final CalendarService calendar;
    private final RightsSyncConfig config;
    private final Clock clock;
    private final Event<RecordsWaiting> waiting;

    public RecordIntake(CalendarService calendar, RightsSyncConfig config, Clock clock, Event<RecordsWaiting> waiting) {
        this.calendar = calendar;
        this.config = config;
        this.clock = clock;
        this.waiting = waiting;
    }

    public void payment(PaymentSucceeded payment) {
        List<PlannedRecord> planned;
        try {
            planned = RecordPlanner.forPayment(payment);
        } catch (IllegalArgumentException e) {
            throw new MalformedEventException("payment " + payment.paymentId() + ": " + e.getMessage(), e);
        }
        store(planned, payment.personId(), payment.paymentId(), null, payment.region(), payment.paidAt());
    }

    public void refund(PaymentRefunded refund) {
        if (AUTOMATIC.equals(refund.refundKind())) {
            // money taken twice or after expiry: it never had a payment.succeeded, so no agency was ever told
            Log.infof("refund %s of %s is automatic: nothing to take back at the agencies", refund.refundId(),
                    refund.paymentId());
            return;
        }
        List<PlannedRecord> planned;
        try {
            planned = RecordPlanner.forRefund(refund, insurance -> paidBase(refund.paymentId(), insurance));
        } catch (IllegalArgumentException e) {
            throw new MalformedEventException("refund " + refund.refundId() + ": " + e.getMessage(), e);
        }
        store(planned, refund.personId(), refund.paymentId(), refund.refundId(), refund.region(), refund.refundedAt());
    }

    /** The deadline of a payment date, or empty while its calendar year is not loaded (never a guess). */
    public Optional<LocalDate> deadline(LocalDate paymentDate) {
        try {
            return Optional.of(RightsDeadline.of(calendar.calendar(), paymentDate, config.deadlineWorkingDays()));
        } catch (CalendarNotLoadedException e) {
            Log.errorf("no deadline yet for payments of %s: %s", paymentDate, e.getMessage());
            return Optional.empty();
        }
    }

    private void store(List<PlannedRecord> planned, String personId, String paymentId, String refundId, String region,
            Instant paidAt) {
        LocalDate paymentDate = RightsDeadline.paymentDate(paidAt);
        LocalDate deadline = deadline(paymentDate).orElse(null);
        Instant now = clock.instant();
        for (PlannedRecord p : planned) {
            if (SyncRecord.findById(p.recordId()) != null) {
                // the same payment announced twice under different event ids: one record
                continue;
            }
            SyncRecord r = new SyncRecord();
            r.recordId = p.recordId();
            r.kind = p.kind();
            r.agency = p.agency();
            r.personId = personId;
            r.paymentId = paymentId;
            r.refundId = refundId;
            r.region = region;
            r.insurance = p.insurance();
            r.months = String.join(",", p.months());
            r.base = p.base();
            r.amount = p.amount();
            r.paidAt = paidAt;
            r.paymentDate = paymentDate;
            r.deadline = deadline;
            r.stage = Stage.PENDING;
            r.createdAt = now;
            r.persist();
            waiting.fire(new RecordsWaiting());
        }
        Log.infof("payment %s%s: %d rights record(s), deadline %s", paymentId,
                refundId == null ? "" : " refund " + refundId, planned.size(), deadline);
    }

    private Optional<BigDecimal> paidBase(String paymentId, String insurance) {
        SyncRecord paid = SyncRecord.findById(RecordPlanner.recordId(RecordKind.PAYMENT, paymentId, insurance));
        return Optional.ofNullable(paid).map(r -> r.base);
    }
}
