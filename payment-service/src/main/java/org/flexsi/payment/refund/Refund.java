package org.flexsi.payment.refund;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.flexsi.contracts.Money;
import org.flexsi.contracts.events.LineItem;
import org.flexsi.contracts.events.PaymentRefunded;
import org.flexsi.payment.common.Jsons;
import org.flexsi.payment.order.Payment;

/** Money going back (退付, R25): automatically for money taken twice or too late, or on an application under agency review. */
@Entity
@Table(name = "refund")
public class Refund extends PanacheEntityBase {
    public enum Kind { AUTOMATIC, APPLICATION, REVERSAL }

    public enum State {
        /** Medical refunds applied for by a proxy wait for the person's own application. */
        AWAITING_PERSON,
        IN_REVIEW, REJECTED,
        /** Approved (or automatic): the payout worker is paying it back; nothing announced yet. */
        PAYING_OUT,
        /** The bank or provider refused the payout for good, or there is no account to pay to: ops act (an ops issue). */
        PAYOUT_FAILED,
        /** The money went back; announced as payment.refunded. */
        REFUNDED
    }

    @Id
    public UUID id;
    @Column(name = "payment_id")
    public UUID paymentId;
    @Column(name = "person_id")
    public String personId;
    /** The region of the person (from the payment): an agency reviews only refunds of its regions. */
    public String region;
    @Column(name = "applicant_id")
    public String applicantId;
    @Enumerated(EnumType.STRING)
    public Kind kind;
    @Enumerated(EnumType.STRING)
    public Agency agency;
    @Column(columnDefinition = "text")
    public String lines;
    public BigDecimal total;
    public String reason;
    @Enumerated(EnumType.STRING)
    public State state;
    /** Stored encrypted. */
    @Column(name = "bank_account", columnDefinition = "text")
    @Convert(converter = EncryptedAccount.Number.class)
    public String bankAccount;
    @Column(name = "bank_name")
    public String bankName;
    @Column(name = "bank_code")
    public String bankCode;
    @Column(name = "decision_reason")
    public String decisionReason;
    @Column(name = "decided_by")
    public String decidedBy;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "decided_at")
    public Instant decidedAt;
    @Column(name = "refunded_at")
    public Instant refundedAt;
    /** The account holder's name sent with the transfer, fixed at approval so every resend is the same request. */
    @Column(name = "account_name", columnDefinition = "text")
    @Convert(converter = EncryptedAccount.Name.class)
    public String accountName;
    @Column(name = "payout_attempts")
    public int payoutAttempts;
    /** Why the last attempt did not pay out: the party was unreachable (retried), or its refusal (PAYOUT_FAILED). */
    @Column(name = "payout_error")
    public String payoutError;
    /** Who paid the money back: the payout bank's id or the provider's. */
    @Column(name = "payout_via")
    public String payoutVia;
    /** Their id of the payout: the bank's transaction id or the provider's refund id. */
    @Column(name = "payout_reference")
    public String payoutReference;
    /** How many times the applicant gave another account after a refused payout. */
    @Column(name = "payout_round")
    public int payoutRound;
    /** While a payout worker is calling the bank or provider for this refund, no other takes it (see RefundPayouts). */
    @Column(name = "payout_until")
    public Instant payoutUntil;

    /** The bank keeps a transfer id to its first account and amount: each new account is a new transfer. */
    public String transferId() {
        return payoutRound == 0 ? id.toString() : id + "-" + payoutRound;
    }

    public List<LineItem> lineItems() {
        return Jsons.lines(lines);
    }

    /** payment.refunded for this refund of {@code payment}: only once the money went back. */
    public PaymentRefunded announcement(Payment payment) {
        return new PaymentRefunded(id.toString(), payment.id.toString(), payment.assessmentSerial, payment.personId,
                payment.region, lineItems(), Money.text(total), reason, refundedAt, kind.name());
    }
}
