package org.flexsi.payment.reconciliation;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ReconciliationRequest", description = "A provider's day (channel WECHAT, ALIPAY or UNIONPAY), or a bank's "
        + "batch debits of a day (channel BANK_DEBIT with bankId)")
public record ReconciliationRequest(
        @NotNull @Pattern(regexp = "WECHAT|ALIPAY|UNIONPAY|BANK_DEBIT", message = "must be WECHAT, ALIPAY, UNIONPAY or BANK_DEBIT")
        @Schema(examples = "WECHAT") String channel,
        @Pattern(regexp = "[a-z0-9-]{2,32}", message = "must be a bank id, 2-32 of a-z 0-9 -")
        @Schema(examples = "icbc", description = "Required with BANK_DEBIT (whose statement), not allowed otherwise") String bankId,
        @NotNull @Pattern(regexp = "[0-9]{4}-[0-9]{2}-[0-9]{2}", message = "must look like YYYY-MM-DD")
        @Schema(examples = "2026-12-01", description = "Beijing business day") String day) {
}
