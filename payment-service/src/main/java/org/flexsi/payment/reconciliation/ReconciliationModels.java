package org.flexsi.payment.reconciliation;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public final class ReconciliationModels {
    private ReconciliationModels() {
    }

    @Schema(name = "ReconciliationRequest", description = "A provider's day (channel WECHAT, ALIPAY or UNIONPAY), or a bank's "
            + "batch debits of a day (channel BANK_DEBIT with bankId)")
    public record Request(
            @NotNull @Pattern(regexp = "WECHAT|ALIPAY|UNIONPAY|BANK_DEBIT", message = "must be WECHAT, ALIPAY, UNIONPAY or BANK_DEBIT")
            @Schema(examples = "WECHAT") String channel,
            @Pattern(regexp = "[a-z0-9-]{2,32}", message = "must be a bank id, 2-32 of a-z 0-9 -")
            @Schema(examples = "icbc", description = "Required with BANK_DEBIT (whose statement), not allowed otherwise") String bankId,
            @NotNull @Pattern(regexp = "[0-9]{4}-[0-9]{2}-[0-9]{2}", message = "must look like YYYY-MM-DD")
            @Schema(examples = "2026-12-01", description = "Beijing business day") String day) {
    }

    @Schema(name = "ReconciliationRun", description = "Totals of one channel (and bank) and day, and what this run did")
    public record Run(
            @Schema(examples = "WECHAT") String channel,
            @Schema(examples = "icbc", description = "The bank, for BANK_DEBIT; null for a provider") String bankId,
            LocalDate day,
            @Schema(description = "Payments on their statement (a bank: its debits, not its transfers)") int theirCount,
            @Schema(examples = "2141.24") String theirTotal,
            @Schema(description = "Payments in our books with money taken that day") int ourCount,
            @Schema(examples = "2141.24") String ourTotal,
            int matched,
            @Schema(description = "Lost callbacks (a bank: lost result lines) booked by this run") int booked,
            @Schema(description = "New ops issues raised by this run") int issues,
            Instant runAt,
            @Schema(description = "A bank only: its transfers out of our account that day (our refund payouts) against "
                    + "the refunds we paid back through it; null for a provider") Transfers transfers) {
        Run withTransfers(Transfers checked) {
            return new Run(channel, bankId, day, theirCount, theirTotal, ourCount, ourTotal, matched, booked, issues, runAt, checked);
        }
    }

    @Schema(name = "ReconciledTransfers", description = "A transfer we do not hold as paid back, a refund paid back "
            + "without its transfer, or one that differs, is an ops issue of channel BANK_TRANSFER. A transfer whose "
            + "refund is still paying out is left to the payout worker: it sends the same transfer id again and books "
            + "the bank's first answer.")
    public record Transfers(
            @Schema(description = "Successful transfers on their statement") int theirCount,
            @Schema(examples = "796.00") String theirTotal,
            @Schema(description = "Refunds we paid back through this bank that day") int ourCount,
            @Schema(examples = "796.00") String ourTotal,
            int matched,
            @Schema(description = "Transfers of refunds still paying out, left to the payout worker") int pending,
            @Schema(description = "New ops issues raised by this run") int issues) {
    }
}
