package org.flexsi.payment.reconciliation;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.flexsi.contracts.Money;
import org.flexsi.payment.bank.BankCallException;
import org.flexsi.payment.bank.BankClient;
import org.flexsi.payment.config.PaymentConfig;
import org.flexsi.payment.ops.OpsIssue;
import org.flexsi.payment.ops.OpsIssues;
import org.flexsi.payment.order.Channel;
import org.flexsi.payment.order.Payment;
import org.flexsi.payment.order.PaymentBooking;
import org.flexsi.payment.order.PaymentStatus;
import org.flexsi.payment.order.Settlement;
import org.flexsi.payment.provider.ProviderClient;
import org.flexsi.payment.provider.ProviderUnavailableException;
import org.flexsi.payment.refund.Refund;
import org.flexsi.platform.problem.ProblemException;
import org.flexsi.platform.time.BusinessTime;

/**
 * Daily reconciliation of each provider's and each bank's statement against our books. A payment on their statement
 * that we still hold as unpaid is a lost callback (provider) or a lost result file (bank) and is booked now; every
 * other difference becomes an ops issue. A bank's transfers are held against the refunds we paid back through it.
 */
@ApplicationScoped
public class ReconciliationService {
    /** The providers and banks cut statements by Beijing business day. */
    private static final List<PaymentStatus> TAKEN = List.of(PaymentStatus.PAID, PaymentStatus.REFUNDED, PaymentStatus.HELD);
    /** The channel of a bank's transfers out of our account (refund payouts) in runs and ops issues. */
    static final String TRANSFERS = "BANK_TRANSFER";
    /** First key of the two-key advisory lock that serializes runs of one party and day ({@link #serialize}). */
    static final int RUN_LOCK = 0x0f1e_7ec0;

    private final ProviderClient providers;
    private final BankClient banks;
    private final PaymentBooking booking;
    private final OpsIssues issues;
    private final PaymentConfig config;
    private final EntityManager em;
    private final Clock clock;

    public ReconciliationService(ProviderClient providers, BankClient banks, PaymentBooking booking, OpsIssues issues,
            PaymentConfig config, EntityManager em, Clock clock) {
        this.clock = clock;
        this.providers = providers;
        this.banks = banks;
        this.booking = booking;
        this.issues = issues;
        this.config = config;
        this.em = em;
    }

    /**
     * Whose statement is reconciled: a provider (its channel) or a bank's batch debits. {@code bookable}: whether a
     * payment of ours on their statement that we do not hold as taken that day is booked now; otherwise it is an issue.
     */
    private record Party(Channel channel, String id, String bankId, Predicate<Payment> ours, Predicate<Payment> bookable) {
        String about(String detail) {
            return bankId == null ? detail : "bank " + bankId + ": " + detail;
        }
    }

    public ReconciliationRunView run(Channel channel, LocalDate day) {
        List<Matching.Theirs> statement;
        try {
            // the statement also lists the provider's refunds (status REFUND); only payments are matched here
            statement = providers.statement(channel, day).stream().filter(line -> "SUCCESS".equals(line.status()))
                    .map(s -> new Matching.Theirs(s.merchantOrderId(), s.transactionId(), s.amount(), s.paidAt())).toList();
        } catch (ProviderUnavailableException e) {
            throw ProblemException.unavailable(channel.providerId() + " statement not available: " + e.getMessage(), 60);
        }
        // a lost callback is booked whatever we hold: the settlement rules decide (e.g. paid after expiry: refunded)
        Party provider = new Party(channel, channel.providerId(), null, p -> p.channel == channel, p -> true);
        return QuarkusTransaction.requiringNew().call(() -> {
            serialize(provider, day);
            return reconcile(provider, day, statement, Payment.list("channel = ?1 and paidAt >= ?2 and paidAt < ?3"
                    + " and status in ?4", channel, start(day), start(day.plusDays(1)), TAKEN));
        });
    }

    /** A bank's statement against the batch debits we booked for that bank that day (R19). */
    public ReconciliationRunView runBank(String bankId, LocalDate day) {
        banks.requireCooperating(bankId);
        List<BankClient.StatementLine> lines;
        try {
            lines = banks.statement(bankId, day);
        } catch (BankCallException e) {
            throw ProblemException.unavailable(bankId + " statement not available: " + e.getMessage(), 60);
        }
        // the bank lists no failed debit and no failed transfer
        List<Matching.Theirs> debits = theirs(lines, "DEBIT", "PAID");
        List<Matching.Theirs> transfers = theirs(lines, "TRANSFER", "SUCCESS");
        // only a debit still waiting for its result is a lost result file; one we booked as not paid (or that ended
        // otherwise) contradicts the bank's own result file, and ops must look
        Party bank = new Party(Channel.BANK_DEBIT, bankId, bankId, p -> p.channel == Channel.BANK_DEBIT && bankId.equals(p.bankId),
                p -> p.status == PaymentStatus.PAYING);
        return QuarkusTransaction.requiringNew().call(() -> {
            serialize(bank, day);
            return reconcile(bank, day, debits,
                    Payment.list("channel = ?1 and bankId = ?2 and paidAt >= ?3 and paidAt < ?4 and status in ?5", Channel.BANK_DEBIT,
                            bankId, start(day), start(day.plusDays(1)), TAKEN))
                    .withTransfers(reconcileTransfers(bankId, day, transfers));
        });
    }

    /**
     * One run per party and day at a time in the whole system: every instance's 03:30 run and any run ops start meet
     * here, and the later one waits for the earlier to commit, then reads what it booked and raised (a run that read
     * our books before the other committed booked the same lost callback again and counted it twice, and raising the
     * same issue twice failed on the issue's unique key). Taken before our books are read, held until commit.
     */
    private void serialize(Party party, LocalDate day) {
        em.createNativeQuery("select pg_advisory_xact_lock(?1, hashtext(?2))").setParameter(1, RUN_LOCK)
                .setParameter(2, party.channel().name() + "|" + party.id() + "|" + day).getSingleResult();
    }

    private static List<Matching.Theirs> theirs(List<BankClient.StatementLine> lines, String kind, String status) {
        return lines.stream().filter(line -> kind.equals(line.kind()) && status.equals(line.status()))
                .map(s -> new Matching.Theirs(s.reference(), s.transactionId(), s.amount(), s.bookedAt())).toList();
    }

    /** The bank's transfers of the day (reference = transfer id) against the refunds we paid back through it (R25). */
    private ReconciledTransfersView reconcileTransfers(String bankId, LocalDate day, List<Matching.Theirs> statement) {
        List<Refund> paidBack = Refund.list("payoutVia = ?1 and state = ?2 and refundedAt >= ?3 and refundedAt < ?4", bankId,
                Refund.State.REFUNDED, start(day), start(day.plusDays(1)));
        Map<String, Refund> byTransfer = new HashMap<>();
        paidBack.forEach(r -> byTransfer.put(r.transferId(), r));
        int matched = 0;
        int pending = 0;
        int raised = 0;
        for (Matching.Result result : Matching.match(statement, paidBack.stream()
                .map(r -> new Matching.Ours(r.transferId(), r.payoutReference, r.total)).toList())) {
            Matching.Theirs theirs = result.theirs();
            Refund ours = result.ours() == null ? null : byTransfer.get(result.ours().orderId());
            switch (result.kind()) {
                case MATCHED -> matched++;
                case MISSING_ON_OURS -> {
                    Refund refund = refundOfTransfer(theirs.orderId());
                    if (refund != null && refund.state == Refund.State.PAYING_OUT) {
                        pending++;
                    } else {
                        raised += issues.raise(refund == null ? OpsIssue.Kind.UNKNOWN_ORDER : OpsIssue.Kind.STATUS_DIFFERENCE,
                                TRANSFERS, day, refund == null ? null : refund.paymentId, theirs.transactionId(), null,
                                theirs.amount(), "bank " + bankId + ": transfer " + theirs.orderId() + " left our account, "
                                        + (refund == null ? "but it pays back no refund of ours"
                                                : "but we hold refund " + refund.id + " as " + refund.state + " that day")) ? 1 : 0;
                    }
                }
                case MISSING_ON_THEIRS -> raised += raiseOnTransfer(OpsIssue.Kind.MISSING_ON_THEIRS, bankId, day, ours, result,
                        "we hold refund " + ours.id + " as paid back by transfer " + ours.transferId()
                                + " but it is not on their statement");
                case AMOUNT_DIFFERENCE -> raised += raiseOnTransfer(OpsIssue.Kind.AMOUNT_DIFFERENCE, bankId, day, ours, result,
                        "transfer " + ours.transferId() + ": they sent " + Money.text(theirs.amount()) + ", we paid back "
                                + Money.text(ours.total));
                case TRANSACTION_DIFFERENCE -> raised += raiseOnTransfer(OpsIssue.Kind.STATUS_DIFFERENCE, bankId, day, ours, result,
                        "transfer " + ours.transferId() + ": their transaction " + theirs.transactionId() + ", ours "
                                + ours.payoutReference);
            }
        }
        BigDecimal theirTotal = statement.stream().map(Matching.Theirs::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal ourTotal = paidBack.stream().map(r -> r.total).reduce(BigDecimal.ZERO, BigDecimal::add);
        record(TRANSFERS, bankId, day, statement.size(), theirTotal, paidBack.size(), ourTotal, matched, 0, raised, clock.instant());
        return new ReconciledTransfersView(statement.size(), Money.text(theirTotal), paidBack.size(), Money.text(ourTotal),
                matched, pending, raised);
    }

    private int raiseOnTransfer(OpsIssue.Kind kind, String bankId, LocalDate day, Refund refund, Matching.Result result,
            String detail) {
        Matching.Theirs theirs = result.theirs();
        return issues.raise(kind, TRANSFERS, day, refund.paymentId,
                theirs != null ? theirs.transactionId() : refund.payoutReference, refund.total,
                theirs != null ? theirs.amount() : null, "bank " + bankId + ": " + detail) ? 1 : 0;
    }

    /** A transfer id is the refund id, with the round of a later account after it. */
    private static Refund refundOfTransfer(String transferId) {
        try {
            return transferId.length() < 36 ? null : Refund.findById(UUID.fromString(transferId.substring(0, 36)));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Yesterday's statements of every provider and every cooperating bank, early each morning (Beijing). */
    @Scheduled(cron = "${flexsi.payment.reconciliation.cron:0 30 3 * * ?}", timeZone = "Asia/Shanghai")
    void daily() {
        LocalDate yesterday = BusinessTime.today(clock).minusDays(1);
        for (Channel channel : Channel.values()) {
            if (channel.online()) {
                postponable(channel.providerId(), yesterday, () -> run(channel, yesterday));
            }
        }
        for (String bankId : config.bankSecrets().keySet()) {
            postponable(bankId, yesterday, () -> runBank(bankId, yesterday));
        }
    }

    private static void postponable(String party, LocalDate day, Runnable reconciliation) {
        try {
            reconciliation.run();
        } catch (ProblemException e) {
            Log.warnf("reconciliation of %s %s postponed: %s", party, day, e.getMessage());
        }
    }

    private static Instant start(LocalDate day) {
        return day.atStartOfDay(BusinessTime.ZONE).toInstant();
    }

    private ReconciliationRunView reconcile(Party party, LocalDate day, List<Matching.Theirs> statement, List<Payment> taken) {
        List<Matching.Result> results = Matching.match(statement, taken.stream().map(p -> new Matching.Ours(p.id.toString(),
                p.externalTxnId, p.paidAmount != null ? p.paidAmount : p.amount)).toList());
        int matched = 0;
        int booked = 0;
        int raised = 0;
        for (Matching.Result result : results) {
            switch (result.kind()) {
                case MATCHED -> matched++;
                case MISSING_ON_OURS -> {
                    Payment payment = paymentOf(result.theirs().orderId());
                    Matching.Theirs theirs = result.theirs();
                    if (payment == null || !party.ours().test(payment)) {
                        raised += issues.raise(OpsIssue.Kind.UNKNOWN_ORDER, party.channel().name(), day, null, theirs.transactionId(),
                                null, theirs.amount(), party.about("their statement has order " + theirs.orderId()
                                        + " that is not ours")) ? 1 : 0;
                    } else if (party.bookable().test(payment)) {
                        booking.settle(payment.id, new PaymentBooking.ChannelReport(Settlement.Report.SUCCESS, theirs.amount(),
                                theirs.transactionId(), theirs.paidAt(), null));
                        booked++;
                    } else {
                        raised += issues.raise(OpsIssue.Kind.STATUS_DIFFERENCE, party.channel().name(), day, payment.id,
                                theirs.transactionId(), payment.amount, theirs.amount(), party.about("their statement shows the money "
                                        + "taken, we hold the payment as " + payment.status
                                        + (payment.statusReason == null ? "" : " (" + payment.statusReason + ")"))) ? 1 : 0;
                    }
                }
                case MISSING_ON_THEIRS -> raised += raise(OpsIssue.Kind.MISSING_ON_THEIRS, party, day, result,
                        "we booked this payment but it is not on their statement");
                case AMOUNT_DIFFERENCE -> raised += raise(OpsIssue.Kind.AMOUNT_DIFFERENCE, party, day, result,
                        "their statement says " + Money.text(result.theirs().amount()) + ", we booked "
                                + Money.text(result.ours().amount()));
                case TRANSACTION_DIFFERENCE -> raised += raise(OpsIssue.Kind.STATUS_DIFFERENCE, party, day, result,
                        "their transaction " + result.theirs().transactionId() + ", ours " + result.ours().transactionId());
            }
        }
        BigDecimal theirTotal = statement.stream().map(Matching.Theirs::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal ourTotal = taken.stream().map(p -> p.paidAmount != null ? p.paidAmount : p.amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        Instant now = clock.instant();
        record(party.channel().name(), party.id(), day, statement.size(), theirTotal, taken.size(), ourTotal, matched, booked,
                raised, now);
        return new ReconciliationRunView(party.channel().name(), party.bankId(), day, statement.size(), Money.text(theirTotal),
                taken.size(), Money.text(ourTotal), matched, booked, raised, now, null);
    }

    /** The day's totals per channel and party; a rerun replaces the counts and adds what it booked and raised. */
    private void record(String channel, String party, LocalDate day, int theirCount, BigDecimal theirTotal, int ourCount,
            BigDecimal ourTotal, int matched, int booked, int raised, Instant now) {
        em.createNativeQuery("insert into reconciliation_run (channel, party, business_day, their_count, their_total, our_count,"
                + " our_total, matched, booked, issues, run_at) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)"
                + " on conflict (channel, party, business_day) do update set their_count = excluded.their_count,"
                + " their_total = excluded.their_total, our_count = excluded.our_count, our_total = excluded.our_total,"
                + " matched = excluded.matched, booked = reconciliation_run.booked + excluded.booked,"
                + " issues = reconciliation_run.issues + excluded.issues, run_at = excluded.run_at")
                .setParameter(1, channel).setParameter(2, party).setParameter(3, day)
                .setParameter(4, theirCount).setParameter(5, theirTotal).setParameter(6, ourCount).setParameter(7, ourTotal)
                .setParameter(8, matched).setParameter(9, booked).setParameter(10, raised).setParameter(11, now).executeUpdate();
    }

    private static Payment paymentOf(String orderId) {
        try {
            return Payment.findById(UUID.fromString(orderId));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private int raise(OpsIssue.Kind kind, Party party, LocalDate day, Matching.Result result, String detail) {
        return issues.raise(kind, party.channel().name(), day, UUID.fromString(result.ours().orderId()),
                result.theirs() != null ? result.theirs().transactionId() : result.ours().transactionId(),
                result.ours().amount(), result.theirs() != null ? result.theirs().amount() : null, party.about(detail)) ? 1 : 0;
    }
}
