package org.flexsi.registration.enrolment;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.flexsi.registration.person.Months;
import org.flexsi.registration.region.Channel;
import org.flexsi.registration.region.Terms;

@Schema(name = "ContinuationRequest", description = "续保 (R4): active again from fromMonth; absent terms keep the current ones")
public record ContinuationRequest(
        @NotNull @Pattern(regexp = Months.PATTERN, message = "must be YYYY-MM") @Schema(examples = "2026-10") String fromMonth,
        @Schema(description = "ContinuationRequest after drawing unemployment benefit (Weifang: counter only)", examples = "false") boolean afterUnemploymentBenefit,
        @Pattern(regexp = "[A-Z0-9_]{1,20}", message = "must be a grade code such as 60 or 300") @Schema(examples = "100") String grade,
        @Pattern(regexp = Terms.MONEY, message = "must be a decimal amount such as 3980.00") @Schema(examples = "4378.00") String base,
        @Pattern(regexp = Terms.RATE, message = "must be a fraction such as 0.09") @Schema(examples = "0.07") String rate,
        @Pattern(regexp = "[A-Z_]{1,40}", message = "must be a plan code such as POOLED_ONLY") @Schema(examples = "WITH_ACCOUNT") String plan,
        @Schema(examples = "COUNTER") Channel channel) {

    boolean keepsTerms() {
        return grade == null && base == null && rate == null && plan == null;
    }
}
