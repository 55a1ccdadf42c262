package org.flexsi.payment.reconciliation;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public final class ReconciliationModels {
    private ReconciliationModels() {
    }

    @Schema(name = "ReconciliationRequest")
    public record Request(
            @NotNull @Pattern(regexp = "WECHAT|ALIPAY|UNIONPAY", message = "must be WECHAT, ALIPAY or UNIONPAY")
            @Schema(examples = "WECHAT") String channel,
            @NotNull @Pattern(regexp = "[0-9]{4}-[0-9]{2}-[0-9]{2}", message = "must look like YYYY-MM-DD")
            @Schema(examples = "2026-12-01", description = "Beijing business day") String day) {
    }

    @Schema(name = "ReconciliationRun", description = "Totals of one channel and day, and what this run did")
    public record Run(
            @Schema(examples = "WECHAT") String channel,
            LocalDate day,
            @Schema(description = "Payments on their statement") int theirCount,
            @Schema(examples = "2141.24") String theirTotal,
            @Schema(description = "Payments in our books with money taken that day") int ourCount,
            @Schema(examples = "2141.24") String ourTotal,
            int matched,
            @Schema(description = "Lost callbacks booked by this run") int booked,
            @Schema(description = "New ops issues raised by this run") int issues,
            Instant runAt) {
    }
}
