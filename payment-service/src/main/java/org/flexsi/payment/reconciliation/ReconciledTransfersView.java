package org.flexsi.payment.reconciliation;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ReconciledTransfers", description = "A transfer we do not hold as paid back, a refund paid back "
        + "without its transfer, or one that differs, is an ops issue of channel BANK_TRANSFER. A transfer whose "
        + "refund is still paying out is left to the payout worker: it sends the same transfer id again and books "
        + "the bank's first answer.")
public record ReconciledTransfersView(
        @Schema(description = "Successful transfers on their statement") int theirCount,
        @Schema(examples = "796.00") String theirTotal,
        @Schema(description = "Refunds we paid back through this bank that day") int ourCount,
        @Schema(examples = "796.00") String ourTotal,
        int matched,
        @Schema(description = "ReconciledTransfersView of refunds still paying out, left to the payout worker") int pending,
        @Schema(description = "New ops issues raised by this run") int issues) {
}
