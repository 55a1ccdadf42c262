package org.flexsi.payment.refund;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.flexsi.contracts.events.LineItem;
import org.flexsi.payment.common.Digests;
import org.flexsi.payment.common.Money;

public final class RefundModels {
    private RefundModels() {
    }

    @Schema(name = "RefundLineRequest")
    public record Line(
            @NotBlank @Size(max = 40) @Schema(examples = "PENSION") String insurance,
            @Size(max = 40) @Schema(description = "Only for insurances booked in parts (R9)", examples = "PERSONAL") String part,
            @NotNull @Pattern(regexp = "(0|[1-9][0-9]{0,11})\\.[0-9]{2}", message = "must be a decimal string with two places")
            @Schema(examples = "796.00") String amount) {
    }

    @Schema(name = "RefundApplication", description = "R25: where the money goes back to, and what for")
    public record Application(
            @NotEmpty @Size(max = 20) List<@Valid @NotNull Line> lines,
            @NotBlank @Pattern(regexp = "[0-9]{12,30}", message = "must be 12 to 30 digits") @Schema(examples = "6222021234567890123")
            String bankAccount,
            @NotBlank @Size(max = 100) @Schema(examples = "中国工商银行武汉分行") String bankName,
            @NotBlank @Pattern(regexp = "[0-9]{12}", message = "must be the 12-digit bank code (联行号)") @Schema(examples = "102521000011")
            String bankCode,
            @NotBlank @Size(max = 300) @Schema(examples = "paid twice for November") String reason) {
    }

    @Schema(name = "RefundPayoutAccount", description = "Another account for a refund whose payout was refused or had none")
    public record PayoutAccount(
            @NotBlank @Pattern(regexp = "[0-9]{12,30}", message = "must be 12 to 30 digits") @Schema(examples = "6222021234567890123")
            String bankAccount,
            @NotBlank @Size(max = 100) @Schema(examples = "中国工商银行武汉分行") String bankName,
            @NotBlank @Pattern(regexp = "[0-9]{12}", message = "must be the 12-digit bank code (联行号)") @Schema(examples = "102521000011")
            String bankCode) {
    }

    @Schema(name = "RefundDecision")
    public record Decision(
            @NotNull @Pattern(regexp = "APPROVE|REJECT", message = "must be APPROVE or REJECT") @Schema(examples = "APPROVE") String decision,
            @Size(max = 300) @Schema(description = "Required to reject", examples = "months already confirmed as rights") String reason) {
    }

    @Schema(name = "Refund")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record View(
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

        static View of(Refund r) {
            return new View(r.id.toString(), r.paymentId.toString(), r.personId, r.region, r.applicantId, r.kind.name(),
                    r.agency == null ? null : r.agency.name(), r.state.name(), r.lineItems(), Money.text(r.total), r.reason,
                    r.bankAccount == null ? null : Digests.maskTail(r.bankAccount), r.bankName, r.bankCode, r.decisionReason,
                    r.createdAt, r.decidedAt, r.refundedAt, r.payoutAttempts, r.payoutVia, r.payoutReference, r.payoutError);
        }
    }
}
