package org.flexsi.assessment.quote;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.flexsi.assessment.calc.Choice;
import org.flexsi.assessment.catalogue.Insurance;

/** One chosen insurance: a grade or a base, and for medical a plan or rate; omitted fields take defaults. */
public record InsuranceChoice(
        @NotNull @Schema(examples = "MEDICAL") Insurance insurance,
        @Size(max = 20) @Schema(description = "grade code of a graded region (Hubei, Jiangxi)", examples = "60") String grade,
        @Pattern(regexp = "[0-9]{1,8}(\\.[0-9]{1,2})?", message = "must be a decimal amount with at most 2 places")
        @Schema(description = "base of a floor/ceiling region (Jinan, Weifang)", examples = "3980.00") String base,
        @Pattern(regexp = "0?\\.[0-9]{1,6}|1(\\.0{1,6})?", message = "must be a decimal rate such as 0.06")
        @Schema(description = "medical rate, chooses the plan with that total rate", examples = "0.06") String rate,
        @Size(max = 40) @Schema(description = "plan code", examples = "POOLED_ONLY") String plan) {

    public Choice toChoice() {
        return new Choice(insurance, grade, base == null ? null : new BigDecimal(base), rate == null ? null : new BigDecimal(rate), plan);
    }
}
