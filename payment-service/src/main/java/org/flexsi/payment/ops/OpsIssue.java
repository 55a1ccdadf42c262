package org.flexsi.payment.ops;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Something ops must look at: a channel reported another amount, a statement and our books disagree, or a refund
 * could not be paid back.
 */
@Entity
@Table(name = "ops_issue")
public class OpsIssue extends PanacheEntityBase {
    public enum Kind {
        AMOUNT_MISMATCH, MISSING_ON_THEIRS, AMOUNT_DIFFERENCE, STATUS_DIFFERENCE, UNKNOWN_ORDER, REFUND_PAYOUT_FAILED,
        /**
         * A debit batch not sent: its file, written again from our records, is not the one it recorded (external
         * transaction id: the batch id).
         */
        DEBIT_FILE_UNSENT,
        /**
         * A bank reported a transaction id it already used that business day for another payment of ours: the line is
         * not booked (the payment stays PAYING) until ops look (external transaction id: the bank's id).
         */
        BANK_TXN_CONFLICT
    }

    public enum State { OPEN, RESOLVED }

    @Id
    public UUID id;
    /** Kind, channel, payment and external transaction: a rerun of a reconciliation reports a difference once. */
    @Column(name = "dedup_key")
    public String dedupKey;
    @Enumerated(EnumType.STRING)
    public Kind kind;
    public String channel;
    @Column(name = "business_day")
    public LocalDate businessDay;
    @Column(name = "payment_id")
    public UUID paymentId;
    @Column(name = "external_txn_id")
    public String externalTxnId;
    @Column(name = "our_amount")
    public BigDecimal ourAmount;
    @Column(name = "their_amount")
    public BigDecimal theirAmount;
    public String detail;
    @Enumerated(EnumType.STRING)
    public State state;
    public String resolution;
    @Column(name = "resolved_by")
    public String resolvedBy;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "resolved_at")
    public Instant resolvedAt;
}
