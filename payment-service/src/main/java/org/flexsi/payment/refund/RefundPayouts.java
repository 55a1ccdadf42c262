package org.flexsi.payment.refund;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.flexsi.contracts.Money;
import org.flexsi.payment.config.PaymentConfig;
import org.flexsi.payment.monitor.PaymentMetrics;
import org.flexsi.payment.ops.OpsIssue;
import org.flexsi.payment.ops.OpsIssues;
import org.flexsi.payment.order.Payment;
import org.flexsi.payment.person.Persons;
import org.flexsi.payment.provider.ProviderClient;
import org.flexsi.payment.provider.ProviderUnavailableException;
import org.flexsi.platform.outbox.Outbox;

/**
 * Pays refunds back (R25) and only then announces them. An approved application goes by bank transfer from
 * flexsi's collection account to the account the applicant gave; an automatic refund of an online payment goes
 * back through that provider's refund API. The refund id is the transfer id / merchant refund id, both idempotent
 * at the other side, so a crash between their answer and our commit is harmless: the next run resends and gets
 * the first answer. payment.refunded is written in the same transaction as REFUNDED, so it is published once.
 */
@ApplicationScoped
public class RefundPayouts {
    /** Counter and debit money came from an account we were never told (a debit agreement has no bank code). */
    static final String NO_ACCOUNT = "no account: pay back at the bank counter";

    /** Beyond the longest call's timeout, before another worker may take a refund whose payout is under way. */
    private static final Duration LEASE_MARGIN = Duration.ofMinutes(1);

    private final EntityManager em;
    private final PaymentConfig config;
    private final BankTransfers transfers;
    private final ProviderClient providers;
    private final Persons persons;
    private final OpsIssues issues;
    private final Outbox outbox;
    private final PaymentMetrics metrics;
    private final Clock clock;

    public RefundPayouts(EntityManager em, PaymentConfig config, BankTransfers transfers, ProviderClient providers,
            Persons persons, OpsIssues issues, Outbox outbox, PaymentMetrics metrics, Clock clock) {
        this.clock = clock;
        this.em = em;
        this.config = config;
        this.transfers = transfers;
        this.providers = providers;
        this.persons = persons;
        this.issues = issues;
        this.outbox = outbox;
        this.metrics = metrics;
    }

    /**
     * Sends a decided refund on its way, in the caller's transaction: to the payout worker (PAYING_OUT), or to
     * ops when there is nowhere to pay it (an automatic refund of counter or debit money).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void start(Refund refund, Payment payment) {
        if (refund.kind == Refund.Kind.AUTOMATIC && !payment.channel.online()) {
            // the bank gave us the money but not the payer's account: ops pay it back at the counter
            refused(refund, payment, Payout.refused(payment.channel.name(), NO_ACCOUNT));
            return;
        }
        if (refund.kind == Refund.Kind.APPLICATION) {
            refund.accountName = accountName(refund.applicantId, refund.personId);
        }
        refund.state = Refund.State.PAYING_OUT;
    }

    /**
     * A refund whose payout was refused, or that had no account (counter or debit money), goes out again to the
     * account {@code holderId} (the applicant or the person) now gives, as a new transfer.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void retryTo(Refund refund, String holderId, String bankAccount, String bankName, String bankCode) {
        refund.bankAccount = bankAccount;
        refund.bankName = bankName;
        refund.bankCode = bankCode;
        refund.accountName = accountName(holderId, refund.personId);
        refund.payoutRound++;
        refund.payoutError = null;
        refund.state = Refund.State.PAYING_OUT;
    }

    /**
     * The bank checks the holder's name with the account: the registered name of who gave the account; a proxy who
     * is not registered himself gives his own account under the person's name as flexsi knows it; failing both (the
     * registration not seen yet) the giver's id, which a strict bank refuses and ops then see.
     */
    private String accountName(String holderId, String personId) {
        return persons.name(holderId).or(() -> persons.name(personId)).orElse(holderId);
    }

    @Scheduled(every = "${flexsi.payment.refunds.payout-every:30s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        for (UUID id : due()) {
            try {
                payOut(id);
            } catch (RuntimeException e) {
                // one refund's bug must not hold up the others; it stays PAYING_OUT and is tried again once its lease ends
                Log.errorf(e, "payout of refund %s failed", id);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private List<UUID> due() {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select id from refund where state = 'PAYING_OUT' and (payout_until is null or payout_until < ?2)"
                        + " order by created_at limit ?1")
                .setParameter(1, config.refunds().batch()).setParameter(2, Instant.now()).getResultList());
    }

    /**
     * One refund, with no row lock or transaction held while the bank or provider answers: taken by a lease in a
     * short transaction (another instance skips it while the lease runs), paid out, and the answer booked in a second
     * short transaction under the row's lock, which books nothing if the refund is no longer the one paid out (booked
     * by a worker that took over after the lease ran out: the transfer id made that the same payout, same answer).
     */
    void payOut(UUID id) {
        Claim claim = QuarkusTransaction.requiringNew().call(() -> claim(id));
        if (claim == null) {
            return;
        }
        Refund refund = claim.refund();
        // an account given (an application, or a new account after a refusal) is paid by transfer; else the provider
        Payout payout = refund.bankAccount != null ? transfers.transfer(refund) : providerRefund(refund, claim.payment());
        QuarkusTransaction.requiringNew().run(() -> book(id, refund.payoutRound, payout));
    }

    private record Claim(Refund refund, Payment payment) {
    }

    /** Compare-and-set on the lease: of two instances claiming together, the second finds it taken. */
    private Claim claim(UUID id) {
        Instant now = Instant.now();
        Duration call = Collections.max(List.of(config.refunds().timeout(), config.orders().providerTimeout()));
        int taken = em.createNativeQuery("update refund set payout_until = ?1 where id = ?2 and state = 'PAYING_OUT'"
                + " and (payout_until is null or payout_until < ?3)")
                .setParameter(1, now.plus(call).plus(LEASE_MARGIN)).setParameter(2, id).setParameter(3, now).executeUpdate();
        if (taken == 0) {
            return null;
        }
        Refund refund = Refund.findById(id);
        return new Claim(refund, Payment.findById(refund.paymentId));
    }

    private void book(UUID id, int round, Payout payout) {
        Refund refund = Refund.<Refund>findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE).orElseThrow();
        if (refund.state != Refund.State.PAYING_OUT || refund.payoutRound != round) {
            return;
        }
        Payment payment = Payment.findById(refund.paymentId);
        refund.payoutUntil = null;
        refund.payoutAttempts++;
        switch (payout.result()) {
            case PAID -> {
                refund.state = Refund.State.REFUNDED;
                refund.refundedAt = clock.instant();
                refund.payoutVia = payout.via();
                refund.payoutReference = payout.detail();
                refund.payoutError = null;
                outbox.publish(refund.announcement(payment));
                metrics.refundPaidOut(refund.kind.name(), "PAID");
                Log.infof("refund %s paid back via %s (%s)", refund.id, payout.via(), payout.detail());
            }
            case REFUSED -> refused(refund, payment, payout);
            case UNREACHABLE -> {
                refund.payoutError = limit(payout.detail());
                Log.warnf("refund %s not paid back yet (attempt %d): %s", refund.id, refund.payoutAttempts, payout.detail());
            }
        }
    }

    /** Automatic refunds of online payments: the whole paid amount back to the payer through the provider. */
    private Payout providerRefund(Refund refund, Payment payment) {
        String provider = payment.channel.providerId();
        try {
            ProviderClient.RefundOutcome outcome = providers.refund(payment.channel, refund.id, payment.id, refund.total);
            return outcome.refundId() != null ? Payout.paid(provider, outcome.refundId())
                    : Payout.refused(provider, outcome.refusal());
        } catch (ProviderUnavailableException e) {
            return Payout.unreachable(provider, e.getMessage());
        }
    }

    private void refused(Refund refund, Payment payment, Payout payout) {
        refund.state = Refund.State.PAYOUT_FAILED;
        metrics.refundPaidOut(refund.kind.name(), "REFUSED");
        refund.payoutVia = payout.via();
        refund.payoutError = limit(payout.detail());
        issues.raise(OpsIssue.Kind.REFUND_PAYOUT_FAILED, payment.channel.name(), null, payment.id, refund.id.toString(),
                refund.total, null, "refund " + refund.id + " of " + Money.text(refund.total) + " could not be paid back: "
                        + payout.detail());
    }

    private static String limit(String text) {
        return text.length() > 500 ? text.substring(0, 500) : text;
    }
}
