package org.flexsi.payment.order;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a payer asks for: which assessment, through which provider. The amount is never the client's to say. */
@Schema(name = "NewPayment")
public record NewPayment(
        @NotBlank @Size(max = 64) @Schema(examples = "HB2026070100001234") String assessmentSerial,
        @NotNull @Pattern(regexp = "WECHAT|ALIPAY|UNIONPAY", message = "must be WECHAT, ALIPAY or UNIONPAY")
        @Schema(examples = "WECHAT", enumeration = { "WECHAT", "ALIPAY", "UNIONPAY" }) String channel) {
}
