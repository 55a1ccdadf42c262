package org.flexsi.payment.ops;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.flexsi.contracts.Money;

@Schema(name = "OpsIssue")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IssueView(
        String issueId,
        @Schema(examples = "MISSING_ON_THEIRS", enumeration = { "AMOUNT_MISMATCH", "MISSING_ON_THEIRS", "AMOUNT_DIFFERENCE",
                "STATUS_DIFFERENCE", "UNKNOWN_ORDER", "REFUND_PAYOUT_FAILED", "DEBIT_FILE_UNSENT", "BANK_TXN_CONFLICT" }) String kind,
        @Schema(examples = "WECHAT") String channel,
        LocalDate businessDay,
        String paymentId,
        @Schema(examples = "wx-tx-00000001") String externalTransactionId,
        @Schema(examples = "1070.62") String ourAmount,
        @Schema(examples = "1.00") String theirAmount,
        String detail,
        @Schema(examples = "OPEN") String state,
        String resolution,
        String resolvedBy,
        Instant createdAt,
        Instant resolvedAt) {

    static IssueView of(OpsIssue i) {
        return new IssueView(i.id.toString(), i.kind.name(), i.channel, i.businessDay,
                i.paymentId == null ? null : i.paymentId.toString(), i.externalTxnId,
                i.ourAmount == null ? null : Money.text(i.ourAmount), i.theirAmount == null ? null : Money.text(i.theirAmount),
                i.detail, i.state.name(), i.resolution, i.resolvedBy, i.createdAt, i.resolvedAt);
    }
}
