package org.flexsi.assessment.agency;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.flexsi.assessment.catalogue.Insurance;

/** One line as the agency assessed it: the amount is the agency's, not recomputed here. */
public record AgencyLine(
        @NotNull @Schema(examples = "PENSION") Insurance insurance,
        @NotEmpty @Size(max = 120) @Schema(examples = "[\"2019-01\", \"2019-02\"]")
        List<@NotNull @Pattern(regexp = "[0-9]{4}-(0[1-9]|1[0-2])", message = "must look like YYYY-MM") String> months,
        @Pattern(regexp = "[0-9]{1,8}\\.[0-9]{2}", message = "must be a decimal amount with 2 places") @Schema(examples = "3024.00") String base,
        @Pattern(regexp = "[0-9]\\.[0-9]{1,6}", message = "must be a decimal rate such as 0.20") @Schema(examples = "0.20") String rate,
        @NotNull @Pattern(regexp = "[0-9]{1,10}\\.[0-9]{2}", message = "must be a decimal amount with 2 places") @Schema(examples = "1209.60") String amount,
        @Size(max = 40) @Schema(examples = "LATE_FEE") String part) {
}
