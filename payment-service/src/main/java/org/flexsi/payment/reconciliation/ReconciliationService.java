package org.flexsi.payment.reconciliation;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.flexsi.payment.common.Money;
import org.flexsi.payment.ops.OpsIssue;
import org.flexsi.payment.ops.OpsIssues;
import org.flexsi.payment.order.Channel;
import org.flexsi.payment.order.Payment;
import org.flexsi.payment.order.PaymentBooking;
import org.flexsi.payment.order.PaymentStatus;
import org.flexsi.payment.order.Settlement;
import org.flexsi.payment.provider.ProviderClient;
import org.flexsi.payment.provider.ProviderUnavailableException;
import org.flexsi.platform.problem.ProblemException;

/**
 * Daily reconciliation of each provider's statement against our books. A payment on their statement that we
 * still hold as unpaid is a lost callback and is booked now; every other difference becomes an ops issue.
 */
@ApplicationScoped
public class ReconciliationService {
    /** The providers cut statements by Beijing business day. */
    static final ZoneId STATEMENT_DAY = ZoneId.of("Asia/Shanghai");

    private final ProviderClient providers;
    private final PaymentBooking booking;
    private final OpsIssues issues;
    private final EntityManager em;

    public ReconciliationService(ProviderClient providers, PaymentBooking booking, OpsIssues issues, EntityManager em) {
        this.providers = providers;
        this.booking = booking;
        this.issues = issues;
        this.em = em;
    }

    public ReconciliationModels.Run run(Channel channel, LocalDate day) {
        List<ProviderClient.StatementLine> statement;
        try {
            // the statement also lists the provider's refunds (status REFUND); only payments are matched here
            statement = providers.statement(channel, day).stream().filter(line -> "SUCCESS".equals(line.status())).toList();
        } catch (ProviderUnavailableException e) {
            throw ProblemException.unavailable(channel.providerId() + " statement not available: " + e.getMessage(), 60);
        }
        return QuarkusTransaction.requiringNew().call(() -> reconcile(channel, day, statement));
    }

    /** Yesterday's statements of every provider, early each morning (Beijing). */
    @Scheduled(cron = "${flexsi.payment.reconciliation.cron:0 30 3 * * ?}", timeZone = "Asia/Shanghai")
    void daily() {
        LocalDate yesterday = LocalDate.now(STATEMENT_DAY).minusDays(1);
        for (Channel channel : Channel.values()) {
            if (channel.online()) {
                try {
                    run(channel, yesterday);
                } catch (ProblemException e) {
                    Log.warnf("reconciliation of %s %s postponed: %s", channel, yesterday, e.getMessage());
                }
            }
        }
    }

    private ReconciliationModels.Run reconcile(Channel channel, LocalDate day, List<ProviderClient.StatementLine> statement) {
        Instant from = day.atStartOfDay(STATEMENT_DAY).toInstant();
        Instant to = day.plusDays(1).atStartOfDay(STATEMENT_DAY).toInstant();
        List<Payment> taken = Payment.list("channel = ?1 and paidAt >= ?2 and paidAt < ?3 and status in ?4", channel, from, to,
                List.of(PaymentStatus.PAID, PaymentStatus.REFUNDED, PaymentStatus.HELD));
        List<Matching.Result> results = Matching.match(
                statement.stream().map(s -> new Matching.Theirs(s.merchantOrderId(), s.transactionId(), s.amount(), s.paidAt())).toList(),
                taken.stream().map(p -> new Matching.Ours(p.id.toString(), p.externalTxnId,
                        p.paidAmount != null ? p.paidAmount : p.amount)).toList());
        int matched = 0;
        int booked = 0;
        int raised = 0;
        for (Matching.Result result : results) {
            switch (result.kind()) {
                case MATCHED -> matched++;
                case MISSING_ON_OURS -> {
                    if (bookLostCallback(channel, result.theirs())) {
                        booked++;
                    } else if (issues.raise(OpsIssue.Kind.UNKNOWN_ORDER, channel.name(), day, null, result.theirs().transactionId(),
                            null, result.theirs().amount(), "their statement has order " + result.theirs().orderId()
                                    + " that is not ours")) {
                        raised++;
                    }
                }
                case MISSING_ON_THEIRS -> raised += raise(OpsIssue.Kind.MISSING_ON_THEIRS, channel, day, result,
                        "we booked this payment but it is not on their statement");
                case AMOUNT_DIFFERENCE -> raised += raise(OpsIssue.Kind.AMOUNT_DIFFERENCE, channel, day, result,
                        "their statement says " + Money.text(result.theirs().amount()) + ", we booked "
                                + Money.text(result.ours().amount()));
                case TRANSACTION_DIFFERENCE -> raised += raise(OpsIssue.Kind.STATUS_DIFFERENCE, channel, day, result,
                        "their transaction " + result.theirs().transactionId() + ", ours " + result.ours().transactionId());
            }
        }
        BigDecimal theirTotal = statement.stream().map(ProviderClient.StatementLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal ourTotal = taken.stream().map(p -> p.paidAmount != null ? p.paidAmount : p.amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        Instant now = Instant.now();
        em.createNativeQuery("insert into reconciliation_run (channel, business_day, their_count, their_total, our_count, our_total,"
                + " matched, booked, issues, run_at) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)"
                + " on conflict (channel, business_day) do update set their_count = excluded.their_count,"
                + " their_total = excluded.their_total, our_count = excluded.our_count, our_total = excluded.our_total,"
                + " matched = excluded.matched, booked = reconciliation_run.booked + excluded.booked,"
                + " issues = reconciliation_run.issues + excluded.issues, run_at = excluded.run_at")
                .setParameter(1, channel.name()).setParameter(2, day).setParameter(3, statement.size()).setParameter(4, theirTotal)
                .setParameter(5, taken.size()).setParameter(6, ourTotal).setParameter(7, matched).setParameter(8, booked)
                .setParameter(9, raised).setParameter(10, now).executeUpdate();
        return new ReconciliationModels.Run(channel.name(), day, statement.size(), Money.text(theirTotal), taken.size(),
                Money.text(ourTotal), matched, booked, raised, now);
    }

    /** Their statement shows money taken for an order we still hold as unpaid: the callback was lost. */
    private boolean bookLostCallback(Channel channel, Matching.Theirs theirs) {
        UUID id;
        try {
            id = UUID.fromString(theirs.orderId());
        } catch (IllegalArgumentException e) {
            return false;
        }
        Payment payment = Payment.findById(id);
        if (payment == null || payment.channel != channel) {
            return false;
        }
        booking.settle(id, new PaymentBooking.ChannelReport(Settlement.Report.SUCCESS, theirs.amount(), theirs.transactionId(),
                theirs.paidAt(), null));
        return true;
    }

    private int raise(OpsIssue.Kind kind, Channel channel, LocalDate day, Matching.Result result, String detail) {
        return issues.raise(kind, channel.name(), day, UUID.fromString(result.ours().orderId()),
                result.theirs() != null ? result.theirs().transactionId() : result.ours().transactionId(),
                result.ours().amount(), result.theirs() != null ? result.theirs().amount() : null, detail) ? 1 : 0;
    }
}
