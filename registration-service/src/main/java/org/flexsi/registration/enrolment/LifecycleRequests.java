package org.flexsi.registration.enrolment;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.flexsi.registration.person.Months;
import org.flexsi.registration.region.Channel;
import org.flexsi.registration.region.Terms;

/** Bodies of the lifecycle writes. */
public final class LifecycleRequests {
    private static final String TEXT = "[^\\p{Cntrl}<>;]+";
    private static final String TEXT_MESSAGE = "must not contain control characters, <, > or ;";

    private LifecycleRequests() {
    }

    @Schema(name = "InterruptionRequest", description = "减员: the enrolment stops after lastCoveredMonth")
    public record Interruption(
            @NotNull @Pattern(regexp = Months.PATTERN, message = "must be YYYY-MM") @Schema(examples = "2026-06") String lastCoveredMonth,
            @Size(max = 200) @Pattern(regexp = TEXT, message = TEXT_MESSAGE) @Schema(examples = "stopped working as a courier") String reason,
            @Schema(examples = "COUNTER") Channel channel) {
    }

    @Schema(name = "ContinuationRequest", description = "续保 (R4): active again from fromMonth; absent terms keep the current ones")
    public record Continuation(
            @NotNull @Pattern(regexp = Months.PATTERN, message = "must be YYYY-MM") @Schema(examples = "2026-10") String fromMonth,
            @Schema(description = "Continuation after drawing unemployment benefit (Weifang: counter only)", examples = "false") boolean afterUnemploymentBenefit,
            @Pattern(regexp = "[A-Z0-9_]{1,20}", message = "must be a grade code such as 60 or 300") @Schema(examples = "100") String grade,
            @Pattern(regexp = Terms.MONEY, message = "must be a decimal amount such as 3980.00") @Schema(examples = "4378.00") String base,
            @Pattern(regexp = Terms.RATE, message = "must be a fraction such as 0.09") @Schema(examples = "0.07") String rate,
            @Pattern(regexp = "[A-Z_]{1,40}", message = "must be a plan code such as POOLED_ONLY") @Schema(examples = "WITH_ACCOUNT") String plan,
            @Schema(examples = "COUNTER") Channel channel) {

        boolean keepsTerms() {
            return grade == null && base == null && rate == null && plan == null;
        }
    }

    @Schema(name = "SuspensionRequest", description = "停保 (R4): a reason and a date are required")
    public record Suspension(
            @NotBlank @Size(max = 200) @Pattern(regexp = TEXT, message = TEXT_MESSAGE) @Schema(examples = "insured through a new employer") String reason,
            @NotNull @Schema(examples = "2026-07-01") LocalDate effectiveDate,
            @Schema(examples = "COUNTER") Channel channel) {
    }

    @Schema(name = "MedicalRateChangeRequest", description = "R5: interrupt the old medical account and re-enrol at the new rate, atomically")
    public record RateChange(
            @NotNull @Pattern(regexp = Months.PATTERN, message = "must be YYYY-MM") @Schema(examples = "2026-07") String effectiveMonth,
            @Pattern(regexp = Terms.RATE, message = "must be a fraction such as 0.09") @Schema(examples = "0.09") String rate,
            @Pattern(regexp = "[A-Z_]{1,40}", message = "must be a plan code such as POOLED_ONLY") @Schema(examples = "POOLED_ONLY") String plan,
            @Pattern(regexp = Terms.MONEY, message = "must be a decimal amount such as 3980.00") @Schema(examples = "4378.00") String base,
            @Schema(examples = "ONLINE") Channel channel) {
    }

    @Schema(name = "NewEnrolmentRequest", description = "Enrol an already registered person in one more insurance")
    public record NewEnrolment(
            @NotNull @Schema(examples = "2026-02-01") LocalDate enrolmentDate,
            @NotNull @jakarta.validation.Valid org.flexsi.registration.person.EnrolmentRequest enrolment,
            @Schema(examples = "COUNTER") Channel channel) {
    }

    static Channel orCounter(Channel channel) {
        return channel == null ? Channel.COUNTER : channel;
    }
}
