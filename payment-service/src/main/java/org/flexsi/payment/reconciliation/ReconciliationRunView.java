package org.flexsi.payment.reconciliation;

import java.time.Instant;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ReconciliationRun", description = "Totals of one channel (and bank) and day, and what this run did")
public record ReconciliationRunView(
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
                + "the refunds we paid back through it; null for a provider") ReconciledTransfersView transfers) {
    ReconciliationRunView withTransfers(ReconciledTransfersView checked) {
        return new ReconciliationRunView(channel, bankId, day, theirCount, theirTotal, ourCount, ourTotal, matched, booked, issues,
                runAt, checked);
    }
}
