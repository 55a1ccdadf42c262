package org.flexsi.payment.refund;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.flexsi.contracts.Money;
import org.flexsi.contracts.events.LineItem;
import org.flexsi.payment.common.Digests;

@Schema(name = "Refund")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RefundView(
        String refundId,
        String paymentId,
        String personId,
        @Schema(description = "The person's region (6-digit code); an agency sees and decides only its own regions'",
                examples = "370700") String region,
        String applicantId,
        @Schema(examples = "APPLICATION", enumeration = { "AUTOMATIC", "APPLICATION", "REVERSAL" }) String kind,
        @Schema(examples = "PENSION") String agency,
        @Schema(examples = "IN_REVIEW", enumeration = { "AWAITING_PERSON", "IN_REVIEW", "REJECTED", "PAYING_OUT",
                "PAYOUT_FAILED", "REFUNDED" }, description = "PAYING_OUT: approved, being paid back; PAYOUT_FAILED: the"
                        + " bank or provider refused the payout, or there is no account to pay to: ops act;"
                        + " REFUNDED: the money went back") String state,
        List<LineItem> lines,
        @Schema(examples = "796.00") String total,
        String reason,
        @Schema(description = "Masked", examples = "***************0123") String bankAccount,
        String bankName,
        String bankCode,
        String decisionReason,
        Instant createdAt,
        Instant decidedAt,
        Instant refundedAt,
        @Schema(description = "Payout attempts so far", examples = "1") int payoutAttempts,
        @Schema(description = "Who paid the money back or refused to: the payout bank or the payment's provider",
                examples = "icbc") String payoutVia,
        @Schema(description = "Their id of the payout: the bank's transaction id or the provider's refund id",
                examples = "icbc-tr-00000001") String payoutReference,
        @Schema(description = "Why the last attempt did not pay out (unreachable: retried; PAYOUT_FAILED: the refusal)",
                examples = "icbc could not pay the account: ACCOUNT_CLOSED") String payoutError) {

    static RefundView of(Refund r) {
        return new RefundView(r.id.toString(), r.paymentId.toString(), r.personId, r.region, r.applicantId, r.kind.name(),
                r.agency == null ? null : r.agency.name(), r.state.name(), r.lineItems(), Money.text(r.total), r.reason,
                r.bankAccount == null ? null : Digests.maskTail(r.bankAccount), r.bankName, r.bankCode, r.decisionReason,
                r.createdAt, r.decidedAt, r.refundedAt, r.payoutAttempts, r.payoutVia, r.payoutReference, r.payoutError);
    }
}
