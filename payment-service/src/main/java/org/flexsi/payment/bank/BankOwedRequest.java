package org.flexsi.payment.bank;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "BankOwedQuery", description = "What a person owes, asked at the counter by ID number and name")
public record BankOwedRequest(
        @NotBlank @Size(max = 32) @Schema(examples = "420106199001011234") String idNumber,
        @NotBlank @Size(max = 100) @Schema(examples = "张三") String name) {
}
