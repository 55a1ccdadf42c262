package org.flexsi.payment.bank;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.flexsi.contracts.Money;

@Schema(name = "BankPaymentConfirmation", description = "The bank took the money; its transaction id makes this idempotent")
public record BankConfirmationRequest(
        @NotBlank @Size(max = 64) @Schema(examples = "HB2026070100001234") String assessmentSerial,
        @NotBlank @Pattern(regexp = "[A-Za-z0-9_.:-]{1,64}", message = "must be 1-64 letters, digits, '_', '.', ':' or '-'")
        @Schema(examples = "ICBC-20261202-000123") String bankTransactionId,
        @NotNull @Pattern(regexp = Money.PATTERN, message = "must be a decimal string with two places")
        @Schema(examples = "1070.62") String amount,
        @Pattern(regexp = "CASH|CARD|MOBILE_BANK", message = "must be CASH, CARD or MOBILE_BANK")
        @Schema(examples = "CASH", enumeration = { "CASH", "CARD", "MOBILE_BANK" }) String method) {
}
