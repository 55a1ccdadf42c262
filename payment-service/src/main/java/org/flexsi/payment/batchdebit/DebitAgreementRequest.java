package org.flexsi.payment.batchdebit;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "DebitAgreementRequest", description = "A contributor authorises his bank to debit his account monthly")
public record DebitAgreementRequest(
        @NotBlank @Pattern(regexp = "[a-z0-9-]{2,32}", message = "must be a bank id, 2-32 of a-z 0-9 -")
        @Schema(examples = "icbc") String bankId,
        @NotBlank @Pattern(regexp = "[0-9]{12,30}", message = "must be 12 to 30 digits")
        @Schema(examples = "6222021234567890123") String accountNumber,
        @NotBlank @Size(max = 100) @Schema(examples = "张三") String accountName) {
}
