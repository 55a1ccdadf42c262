package org.flexsi.registration.person;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.flexsi.registration.enrolment.Insurance;
import org.flexsi.registration.region.Terms;

@Schema(description = "Enrolment in one insurance: first insured month and what the region asks to choose (R7, R9)")
public record EnrolmentRequest(
        @NotNull @Schema(examples = "PENSION") Insurance insurance,
        @NotNull @Pattern(regexp = Months.PATTERN, message = "must be YYYY-MM")
        @Schema(description = "First insured month, YYYY-MM (YYYYMM accepted)", examples = "2026-01") String firstMonth,
        @Pattern(regexp = "[A-Z0-9_]{1,20}", message = "must be a grade code such as 60 or 300")
        @Schema(description = "Pension grade where the region has grades (Hubei, Wuhan, Jiangxi: % of the average wage)", examples = "60") String grade,
        @Pattern(regexp = Terms.MONEY, message = "must be a decimal amount such as 3980.00")
        @Schema(description = "Chosen base where the region asks for one (Jinan, Weifang)", examples = "3980.00") String base,
        @Pattern(regexp = Terms.RATE, message = "must be a fraction such as 0.09")
        @Schema(description = "Medical rate as a fraction, where the region offers several (Weifang)", examples = "0.06") String rate,
        @Pattern(regexp = "[A-Z_]{1,40}", message = "must be a plan code such as POOLED_ONLY")
        @Schema(description = "Medical plan where the region has plans (Jinan: WITH_ACCOUNT, POOLED_ONLY)", examples = "WITH_ACCOUNT") String plan) {

    public Terms terms() {
        return Terms.of(grade, base, rate, plan);
    }
}
