package org.flexsi.payment.refund;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.flexsi.contracts.Money;

@Schema(name = "RefundLineRequest")
public record RefundLineRequest(
        @NotBlank @Size(max = 40) @Schema(examples = "PENSION") String insurance,
        @Size(max = 40) @Schema(description = "Only for insurances booked in parts (R9)", examples = "PERSONAL") String part,
        @NotNull @Pattern(regexp = Money.PATTERN, message = "must be a decimal string with two places")
        @Schema(examples = "796.00") String amount) {
}
