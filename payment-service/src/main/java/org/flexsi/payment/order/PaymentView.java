package org.flexsi.payment.order;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.flexsi.contracts.events.LineItem;
import org.flexsi.payment.common.Money;

/** A payment order as its payer, the person and ops see it. Amounts are decimal strings. */
@Schema(name = "Payment")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PaymentView(
        @Schema(examples = "0b6f3c1e-8a57-4c1b-9a63-1d2f5e7a9b10") String paymentId,
        @Schema(examples = "HB2026070100001234") String assessmentSerial,
        @Schema(examples = "P-420106-0001") String personId,
        @Schema(examples = "P-420106-0001") String payerId,
        @Schema(examples = "WECHAT") String channel,
        @Schema(examples = "PAYING", enumeration = { "PAYING", "PAID", "FAILED", "EXPIRED", "HELD", "REFUNDED", "REVERSED" }) String status,
        @Schema(examples = "796.00") String amount,
        List<LineItem> lines,
        @Schema(examples = "weixin://wxpay/bizpayurl?pr=3f9a0c1b2d4e5f60") String qrCode,
        @Schema(examples = "http://127.0.0.1:8090/providers/wechat/orders/wx-order-00000001/pay") String payUrl,
        @Schema(examples = "wx-tx-00000001") String providerTransactionId,
        @Schema(examples = "the assessment was already paid by another payment") String statusReason,
        Instant createdAt,
        Instant expiresAt,
        Instant paidAt) {

    public static PaymentView of(Payment p) {
        return new PaymentView(p.id.toString(), p.assessmentSerial, p.personId, p.payerId, p.channel.name(), p.status.name(),
                Money.text(p.amount), p.lineItems(), p.qrCode, p.payUrl, p.externalTxnId, p.statusReason, p.createdAt,
                p.expiresAt, p.paidAt);
    }
}
