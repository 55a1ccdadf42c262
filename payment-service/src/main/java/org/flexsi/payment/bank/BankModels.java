package org.flexsi.payment.bank;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.flexsi.contracts.events.LineItem;

/** Bodies of the bank channel API. */
public final class BankModels {
    private BankModels() {
    }

    @Schema(name = "BankOwedQuery", description = "What a person owes, asked at the counter by ID number and name")
    public record OwedQuery(
            @NotBlank @Size(max = 32) @Schema(examples = "420106199001011234") String idNumber,
            @NotBlank @Size(max = 100) @Schema(examples = "张三") String name) {
    }

    @Schema(name = "BankOpenAssessment")
    public record OpenAssessment(
            @Schema(examples = "HB2026070100001234") String assessmentSerial,
            @Schema(examples = "420100") String region,
            List<LineItem> lines,
            @Schema(examples = "1070.62") String total,
            Instant expiresAt) {
    }

    @Schema(name = "BankPaymentConfirmation", description = "The bank took the money; its transaction id makes this idempotent")
    public record Confirmation(
            @NotBlank @Size(max = 64) @Schema(examples = "HB2026070100001234") String assessmentSerial,
            @NotBlank @Pattern(regexp = "[A-Za-z0-9_.:-]{1,64}", message = "must be 1-64 letters, digits, '_', '.', ':' or '-'")
            @Schema(examples = "ICBC-20261202-000123") String bankTransactionId,
            @NotNull @Pattern(regexp = "(0|[1-9][0-9]{0,11})\\.[0-9]{2}", message = "must be a decimal string with two places")
            @Schema(examples = "1070.62") String amount,
            @Pattern(regexp = "CASH|CARD|MOBILE_BANK", message = "must be CASH, CARD or MOBILE_BANK")
            @Schema(examples = "CASH", enumeration = { "CASH", "CARD", "MOBILE_BANK" }) String method) {
    }

    @Schema(name = "BankPayment")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record BankPayment(
            String paymentId,
            @Schema(examples = "ICBC-20261202-000123") String bankTransactionId,
            @Schema(examples = "HB2026070100001234") String assessmentSerial,
            @Schema(examples = "PAID", enumeration = { "PAID", "REFUNDED", "REVERSED" }) String status,
            @Schema(examples = "1070.62") String amount,
            @Schema(examples = "the assessment was already paid by another payment") String statusReason,
            Instant paidAt) {
    }
}
