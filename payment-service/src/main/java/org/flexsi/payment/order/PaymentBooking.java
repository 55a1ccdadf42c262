package org.flexsi.payment.order;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.flexsi.contracts.Money;
import org.flexsi.contracts.events.PaymentFailed;
import org.flexsi.contracts.events.PaymentSucceeded;
import org.flexsi.payment.assessment.Assessment;
import org.flexsi.payment.monitor.PaymentMetrics;
import org.flexsi.payment.ops.OpsIssue;
import org.flexsi.payment.ops.OpsIssues;
import org.flexsi.payment.refund.Refund;
import org.flexsi.payment.refund.RefundPayouts;
import org.flexsi.platform.outbox.Outbox;
import org.flexsi.platform.problem.ProblemException;

/**
 * Books what a channel reports about an order, in the caller's transaction, with its event in the outbox.
 * Locks the assessment before the order, always in that order, so two channels paying one assessment at
 * the same time are serialised and only the first counts.
 */
@ApplicationScoped
public class PaymentBooking {
    private final EntityManager em;
    private final Outbox outbox;
    private final OpsIssues issues;
    private final OrderExpiry expiry;
    private final RefundPayouts payouts;
    private final PaymentMetrics metrics;
    private final Clock clock;

    public PaymentBooking(EntityManager em, Outbox outbox, OpsIssues issues, OrderExpiry expiry, RefundPayouts payouts,
            PaymentMetrics metrics, Clock clock) {
        this.clock = clock;
        this.em = em;
        this.outbox = outbox;
        this.issues = issues;
        this.expiry = expiry;
        this.payouts = payouts;
        this.metrics = metrics;
    }

    /** A channel's report on one order; {@code reportedAmount} null when the channel does not say. */
    public record ChannelReport(Settlement.Report outcome, BigDecimal reportedAmount, String transactionId,
            Instant paidAt, String failureReason) {
    }

    public record Booked(Payment payment, Settlement.Decision decision) {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Booked settle(UUID paymentId, ChannelReport report) {
        Assessment assessment = lockAssessmentOf(paymentId);
        Payment payment = Payment.lock(paymentId).orElseThrow();
        // both rows are locked now; a copy this transaction read before the lock (a callback checks the order's
        // channel first, reconciliation reads the day's orders) can be stale: two callbacks of one payment on two
        // instances, the second deciding on its PAYING copy after the first had booked, refunded a paid order
        em.refresh(assessment);
        em.refresh(payment);
        return settle(payment, assessment, report);
    }

    /** For a caller that already holds both locks (a bank confirming a payment it just created). */
    @Transactional(Transactional.TxType.MANDATORY)
    public Booked settle(Payment payment, Assessment assessment, ChannelReport report) {
        Instant when = report.paidAt() != null ? report.paidAt() : clock.instant();
        Settlement.AssessmentStanding standing;
        if (assessment.state == Assessment.State.PAID && !payment.id.equals(assessment.paidBy)) {
            standing = Settlement.AssessmentStanding.PAID_BY_ANOTHER;
        } else if (assessment.state == Assessment.State.OPEN && assessment.expiresAt.isAfter(when)) {
            standing = Settlement.AssessmentStanding.PAYABLE;
        } else {
            standing = Settlement.AssessmentStanding.NOT_PAYABLE;
        }
        boolean amountMatches = report.reportedAmount() == null || Money.same(report.reportedAmount(), payment.amount);
        Settlement.Decision decision = Settlement.decide(payment.status, report.outcome(), amountMatches, standing);
        Instant now = clock.instant();
        switch (decision.action()) {
            case BOOK -> {
                taken(payment, report, when, PaymentStatus.PAID, null);
                assessment.state = Assessment.State.PAID;
                assessment.paidBy = payment.id;
                assessment.updatedAt = now;
                // an order left open on another channel can no longer count: end it before its payer pays twice
                Payment.<Payment>list("assessmentSerial = ?1 and status = ?2 and id <> ?3", payment.assessmentSerial,
                        PaymentStatus.PAYING, payment.id).forEach(other -> expiry.expire(other, "the assessment was paid through "
                                + payment.channel));
                outbox.publish(new PaymentSucceeded(payment.id.toString(), payment.assessmentSerial, payment.personId,
                        payment.payerId, payment.region, payment.channel.name(), payment.providerName(),
                        payment.externalTxnId, payment.lineItems(), Money.text(payment.amount), when));
            }
            case BOOK_AND_REFUND -> {
                taken(payment, report, when, PaymentStatus.REFUNDED, decision.reason());
                refundAutomatically(payment, decision.reason());
            }
            case FAIL -> {
                payment.status = PaymentStatus.FAILED;
                payment.statusReason = report.failureReason() != null ? report.failureReason() : decision.reason();
                payment.updatedAt = now;
                outbox.publish(new PaymentFailed(payment.id.toString(), payment.assessmentSerial, payment.personId,
                        payment.payerId, payment.channel.name(), payment.statusReason, now));
            }
            case HOLD -> {
                taken(payment, report, when, PaymentStatus.HELD, decision.reason());
                issues.raise(OpsIssue.Kind.AMOUNT_MISMATCH, payment.channel.name(), null, payment.id,
                        report.transactionId(), payment.amount, report.reportedAmount(),
                        "order " + payment.id + " is " + Money.text(payment.amount) + " but the channel reported "
                                + Money.text(report.reportedAmount()));
            }
            case IGNORE -> Log.debugf("payment %s: %s report ignored (%s)", payment.id, report.outcome(), decision.reason());
        }
        if (decision.action() != Settlement.Action.IGNORE) {
            metrics.settled(payment.channel.name(), decision.action().name());
        }
        return new Booked(payment, decision);
    }

    private Assessment lockAssessmentOf(UUID paymentId) {
        @SuppressWarnings("unchecked")
        java.util.List<String> serials = em.createNativeQuery("select assessment_serial from payment where id = ?1")
                .setParameter(1, paymentId).getResultList();
        if (serials.isEmpty()) {
            throw ProblemException.notFound("no payment " + paymentId);
        }
        return Assessment.lock(serials.get(0)).orElseThrow();
    }

    private void taken(Payment payment, ChannelReport report, Instant when, PaymentStatus status, String reason) {
        payment.status = status;
        payment.statusReason = reason;
        payment.paidAt = when;
        payment.paidAmount = report.reportedAmount() != null ? report.reportedAmount() : payment.amount;
        if (report.transactionId() != null) {
            payment.externalTxnId = report.transactionId();
        }
        payment.updatedAt = clock.instant();
    }

    /** Money that must not count goes back without review: it was never ours to keep. */
    private void refundAutomatically(Payment payment, String reason) {
        Instant now = clock.instant();
        Refund refund = new Refund();
        refund.id = UUID.randomUUID();
        refund.paymentId = payment.id;
        refund.personId = payment.personId;
        refund.region = payment.region;
        refund.applicantId = payment.payerId;
        refund.kind = Refund.Kind.AUTOMATIC;
        refund.lines = payment.lines;
        refund.total = payment.paidAmount;
        refund.reason = reason;
        refund.createdAt = now;
        refund.decidedAt = now;
        payouts.start(refund, payment);
        refund.persist();
    }
}
