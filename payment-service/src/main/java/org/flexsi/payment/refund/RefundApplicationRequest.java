package org.flexsi.payment.refund;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "RefundApplication", description = "R25: where the money goes back to, and what for")
public record RefundApplicationRequest(
        @NotEmpty @Size(max = 20) List<@Valid @NotNull RefundLineRequest> lines,
        @NotBlank @Pattern(regexp = "[0-9]{12,30}", message = "must be 12 to 30 digits") @Schema(examples = "6222021234567890123")
        String bankAccount,
        @NotBlank @Size(max = 100) @Schema(examples = "中国工商银行武汉分行") String bankName,
        @NotBlank @Pattern(regexp = "[0-9]{12}", message = "must be the 12-digit bank code (联行号)") @Schema(examples = "102521000011")
        String bankCode,
        @NotBlank @Size(max = 300) @Schema(examples = "paid twice for November") String reason) {
}
