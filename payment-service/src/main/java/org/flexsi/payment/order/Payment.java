package org.flexsi.payment.order;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.flexsi.contracts.events.LineItem;
import org.flexsi.payment.common.Jsons;

/** One attempt to pay one assessment through one channel; {@code id} is the merchant order id the channel sees. */
@Entity
@Table(name = "payment")
public class Payment extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "assessment_serial")
    public String assessmentSerial;
    @Column(name = "person_id")
    public String personId;
    @Column(name = "payer_id")
    public String payerId;
    public String region;
    @Enumerated(EnumType.STRING)
    public Channel channel;
    @Column(name = "bank_id")
    public String bankId;
    @Enumerated(EnumType.STRING)
    public PaymentStatus status;
    public BigDecimal amount;
    @Column(columnDefinition = "text")
    public String lines;
    @Column(name = "provider_order_id")
    public String providerOrderId;
    @Column(name = "qr_code")
    public String qrCode;
    @Column(name = "pay_url")
    public String payUrl;
    @Column(name = "external_txn_id")
    public String externalTxnId;
    @Column(name = "paid_amount")
    public BigDecimal paidAmount;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "expires_at")
    public Instant expiresAt;
    @Column(name = "paid_at")
    public Instant paidAt;
    /**
     * The China date of {@link #paidAt} (a generated column): the payment's business day. A bank transaction id is
     * unique per bank and business day (banks number them per day).
     */
    @Column(name = "business_day", insertable = false, updatable = false)
    public java.time.LocalDate businessDay;
    @Column(name = "closed_at")
    public Instant closedAt;
    @Column(name = "status_reason")
    public String statusReason;
    @Column(name = "debit_batch_id")
    public UUID debitBatchId;
    @Column(name = "updated_at")
    public Instant updatedAt;

    public List<LineItem> lineItems() {
        return Jsons.lines(lines);
    }

    public static Optional<Payment> lock(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** The provider's name for an online payment, the bank's id for a bank payment. */
    public String providerName() {
        return channel.online() ? channel.providerId() : bankId;
    }
}
