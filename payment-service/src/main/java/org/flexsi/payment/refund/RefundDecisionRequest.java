package org.flexsi.payment.refund;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "RefundDecision")
public record RefundDecisionRequest(
        @NotNull @Pattern(regexp = "APPROVE|REJECT", message = "must be APPROVE or REJECT") @Schema(examples = "APPROVE") String decision,
        @Size(max = 300) @Schema(description = "Required to reject", examples = "months already confirmed as rights") String reason) {
}
