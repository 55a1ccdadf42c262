package org.flexsi.assessment.catalogue;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One booked item of a plan: a rate on the base, and/or a fixed fee per month or per year (a yearly fee is
 * charged 1/12 per month, as the Weifang table does). {@code part} names items that must be booked
 * together, such as Jinan's pooled-only medical plan (R9); null when the insurance is one item.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Part(
        @Size(max = 40) @Schema(examples = "UNIT") String part,
        @Digits(integer = 1, fraction = 6) @DecimalMin("0.000001") @DecimalMax("1") @JsonFormat(shape = JsonFormat.Shape.STRING)
        @Schema(examples = "0.20") BigDecimal rate,
        @Digits(integer = 6, fraction = 2) @DecimalMin("0.01") @JsonFormat(shape = JsonFormat.Shape.STRING)
        @Schema(examples = "18.00") BigDecimal monthlyAmount,
        @Digits(integer = 6, fraction = 2) @DecimalMin("0.01") @JsonFormat(shape = JsonFormat.Shape.STRING)
        @Schema(examples = "150.00") BigDecimal yearlyAmount) {
}
