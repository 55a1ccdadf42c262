package org.flexsi.payment.batchdebit;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "DebitBatchRequest")
public record DebitBatchRequest(
        @NotBlank @Pattern(regexp = "[a-z0-9-]{2,32}", message = "must be a bank id, 2-32 of a-z 0-9 -")
        @Schema(examples = "icbc") String bankId,
        @NotBlank @Pattern(regexp = "[0-9]{4}-(0[1-9]|1[0-2])", message = "must look like YYYY-MM")
        @Schema(examples = "2026-11") String month) {
}
