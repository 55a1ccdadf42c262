package org.flexsi.assessment.catalogue;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The contribution standard of one region (GB/T 2260 code) and contribution year: data, not code. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "CatalogueDefinition", description = "A region x year contribution standard")
public record Catalogue(
        @NotNull @Pattern(regexp = "[0-9]{6}") @Schema(examples = "370100") String region,
        @Min(2000) @Max(2100) @Schema(examples = "2026") int year,
        @NotNull @JsonFormat(pattern = "yyyy-MM") @Schema(examples = "2026-01") YearMonth firstMonth,
        @NotNull @JsonFormat(pattern = "yyyy-MM") @Schema(examples = "2026-12") YearMonth lastMonth,
        @NotNull @Schema(examples = "2026-01-01") LocalDate effectiveFrom,
        @NotBlank @Size(max = 500) @Schema(description = "where the figures come from; demo data must say so",
                examples = "DEMO DATA for trying the system, not official figures") String source,
        @Digits(integer = 8, fraction = 2) @DecimalMin("0.01") @JsonFormat(shape = JsonFormat.Shape.STRING)
        @Schema(description = "previous year's average monthly wage, for information", examples = "7500.00") BigDecimal averageWage,
        @NotNull @Valid PaymentWindow window,
        @Valid LateFeeRule lateFee,
        @NotEmpty @Size(max = 10) List<@Valid InsuranceStandard> insurances) {

    public Optional<InsuranceStandard> standard(Insurance insurance) {
        for (InsuranceStandard s : insurances) {
            if (s.insurance() == insurance) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /** Whether this catalogue prices {@code month}: its own months, or months of a deferred year. */
    public boolean prices(YearMonth month) {
        if (!month.isBefore(firstMonth) && !month.isAfter(lastMonth)) {
            return true;
        }
        return window.deferralsOrEmpty().stream().anyMatch(d -> d.year() == month.getYear());
    }
}
