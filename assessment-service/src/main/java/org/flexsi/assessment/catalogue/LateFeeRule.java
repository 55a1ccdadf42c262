package org.flexsi.assessment.catalogue;

import com.fasterxml.jackson.annotation.JsonFormat;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Late fee (滞纳金) for back-paid months: {@code ratePerDay} of the month's amount for every day after the
 * due date, the last day of the month {@code dueMonths} after the contribution month.
 */
public record LateFeeRule(
        @NotNull @Digits(integer = 1, fraction = 6) @DecimalMin("0.000001") @DecimalMax("0.01")
        @JsonFormat(shape = JsonFormat.Shape.STRING) @Schema(examples = "0.0005") BigDecimal ratePerDay,
        @Min(0) @Max(24) @Schema(examples = "1") int dueMonths,
        @NotEmpty @Schema(examples = "[\"MEDICAL\"]") List<Insurance> insurances) {
}
