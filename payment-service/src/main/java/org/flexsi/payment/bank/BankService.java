package org.flexsi.payment.bank;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.flexsi.contracts.Money;
import org.flexsi.payment.assessment.Assessment;
import org.flexsi.payment.order.Channel;
import org.flexsi.payment.order.Payment;
import org.flexsi.payment.order.PaymentBooking;
import org.flexsi.payment.order.PaymentStatus;
import org.flexsi.payment.order.Settlement;
import org.flexsi.payment.person.Persons;
import org.flexsi.payment.refund.Refund;
import org.flexsi.platform.outbox.Outbox;
import org.flexsi.platform.problem.ProblemException;
import org.flexsi.platform.time.BusinessTime;

/** Counter and mobile-bank payments (R18): what a person owes, the bank's confirmation, and its same-day reversal (冲正). */
@ApplicationScoped
@Transactional
public class BankService {
    /** Banks close their books by Beijing day: a reversal is possible only on the day of payment. */

    private final Persons persons;
    private final PaymentBooking booking;
    private final Outbox outbox;
    private final Clock clock;

    public BankService(Persons persons, PaymentBooking booking, Outbox outbox, Clock clock) {
        this.clock = clock;
        this.persons = persons;
        this.booking = booking;
        this.outbox = outbox;
    }

    public record Confirmed(BankPaymentView payment, boolean created) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<BankOpenAssessmentView> owed(BankOwedRequest query) {
        String personId = persons.findByIdNumberAndName(query.idNumber(), query.name())
                .orElseThrow(() -> ProblemException.notFound("no registered person with this ID number and name"));
        Instant now = clock.instant();
        return Assessment.<Assessment>list("personId = ?1 and state = ?2 order by expiresAt", personId, Assessment.State.OPEN)
                .stream().filter(a -> a.payable(now))
                .map(a -> new BankOpenAssessmentView(a.serialNumber, a.region, a.lineItems(), Money.text(a.total), a.expiresAt))
                .toList();
    }

    /**
     * The bank has taken the money. The same transaction id again answers the first result; money for an
     * assessment that was paid meanwhile or is no longer payable is booked and refunded, never lost.
     */
    public Confirmed confirm(String bankId, BankConfirmationRequest request) {
        Assessment assessment = Assessment.lock(request.assessmentSerial())
                .orElseThrow(() -> ProblemException.notFound("no assessment " + request.assessmentSerial()));
        // banks number their transactions per business day: the same id on another day is another transaction
        Instant now = clock.instant();
        Payment existing = byTransaction(bankId, BusinessTime.dateOf(now), request.bankTransactionId());
        if (existing != null) {
            if (!existing.assessmentSerial.equals(request.assessmentSerial())
                    || !Money.same(existing.paidAmount, Money.parse(request.amount()))) {
                throw ProblemException.ruleBroken("bank-transaction-reuse", "transaction " + request.bankTransactionId()
                        + " was already confirmed for another assessment or amount");
            }
            return new Confirmed(view(existing), false);
        }
        BigDecimal amount = Money.parse(request.amount());
        if (!Money.same(amount, assessment.total)) {
            throw ProblemException.ruleBroken("amount-must-match-assessment", "assessment " + assessment.serialNumber
                    + " is " + Money.text(assessment.total) + "; a counter payment takes exactly that amount");
        }
        Payment payment = new Payment();
        payment.id = UUID.randomUUID();
        payment.assessmentSerial = assessment.serialNumber;
        payment.personId = assessment.personId;
        payment.payerId = assessment.personId;
        payment.region = assessment.region;
        payment.channel = Channel.BANK_COUNTER;
        payment.bankId = bankId;
        payment.status = PaymentStatus.PAYING;
        payment.amount = assessment.total;
        payment.lines = assessment.lines;
        payment.createdAt = now;
        payment.expiresAt = now;
        payment.updatedAt = now;
        payment.persist();
        booking.settle(payment, assessment, new PaymentBooking.ChannelReport(Settlement.Report.SUCCESS, amount,
                request.bankTransactionId(), now, null));
        return new Confirmed(view(payment), true);
    }

    /** 冲正: the bank undoes its own payment on the same Beijing day; the assessment becomes payable again. */
    public BankPaymentView reverse(String bankId, String bankTransactionId) {
        // a reversal is possible only on the day of payment: the transaction is looked up on today's business day
        Payment found = byTransaction(bankId, BusinessTime.today(clock), bankTransactionId);
        if (found == null) {
            throw ProblemException.notFound("no transaction " + bankTransactionId + " of this bank");
        }
        Assessment assessment = Assessment.lock(found.assessmentSerial).orElseThrow();
        Payment payment = Payment.lock(found.id).orElseThrow();
        if (payment.status == PaymentStatus.REVERSED) {
            return view(payment);
        }
        if (payment.status != PaymentStatus.PAID) {
            throw ProblemException.conflict("not-reversible", "transaction " + bankTransactionId + " is " + payment.status
                    + "; its money was already given back");
        }
        if (!BusinessTime.dateOf(payment.paidAt).equals(BusinessTime.today(clock))) {
            throw ProblemException.ruleBroken("reversal-same-day", "a reversal (冲正) is possible only on the day of payment");
        }
        if (Refund.count("paymentId", payment.id) > 0) {
            throw ProblemException.conflict("refund-pending", "a refund was applied for on this payment");
        }
        Instant now = clock.instant();
        payment.status = PaymentStatus.REVERSED;
        payment.statusReason = "reversed by the bank (冲正)";
        payment.updatedAt = now;
        if (payment.id.equals(assessment.paidBy)) {
            assessment.state = Assessment.State.OPEN;
            assessment.paidBy = null;
            assessment.updatedAt = now;
        }
        Refund refund = new Refund();
        refund.id = UUID.randomUUID();
        refund.paymentId = payment.id;
        refund.personId = payment.personId;
        refund.region = payment.region;
        refund.applicantId = bankId;
        refund.kind = Refund.Kind.REVERSAL;
        refund.lines = payment.lines;
        refund.total = payment.paidAmount;
        refund.reason = payment.statusReason;
        // nothing to pay out: the bank undid its own booking, the money never left the payer's side
        refund.state = Refund.State.REFUNDED;
        refund.createdAt = now;
        refund.decidedAt = now;
        refund.refundedAt = now;
        refund.persist();
        // consumers counted the payment: tell them it is undone, with the lines it covered
        outbox.publish(refund.announcement(payment));
        return view(payment);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public BankPaymentView find(String bankId, String bankTransactionId) {
        Payment payment = latestByTransaction(bankId, bankTransactionId);
        if (payment == null) {
            throw ProblemException.notFound("no transaction " + bankTransactionId + " of this bank");
        }
        return view(payment);
    }

    /** A bank's transaction of one business day (China date): banks number them per day (流水号). */
    private static Payment byTransaction(String bankId, LocalDate businessDay, String transactionId) {
        return Payment.find("bankId = ?1 and businessDay = ?2 and externalTxnId = ?3 and channel = ?4", bankId, businessDay,
                transactionId, Channel.BANK_COUNTER).firstResult();
    }

    /** The latest counter payment under this id (the id may recur on other business days). */
    private static Payment latestByTransaction(String bankId, String transactionId) {
        return Payment.find("bankId = ?1 and externalTxnId = ?2 and channel = ?3 order by paidAt desc", bankId, transactionId,
                Channel.BANK_COUNTER).firstResult();
    }

    private static BankPaymentView view(Payment p) {
        return new BankPaymentView(p.id.toString(), p.externalTxnId, p.assessmentSerial, p.status.name(),
                Money.text(p.paidAmount != null ? p.paidAmount : p.amount), p.statusReason, p.paidAt);
    }
}
