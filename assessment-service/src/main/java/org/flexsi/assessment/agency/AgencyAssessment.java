package org.flexsi.assessment.agency;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An assessment made by the pension or medical agency (back-pay, medical yearly batch; R15, R16). */
public record AgencyAssessment(
        @NotNull @Pattern(regexp = "[A-Za-z0-9._:-]{1,80}") @Schema(description = "the agency's own reference; a repeat is a duplicate",
                examples = "JX-SB-2026-000123") String reference,
        @Size(max = 64) @Schema(description = "the person, or give name and idNumber", examples = "p-1001") String personId,
        @Size(max = 100) @Schema(examples = "张三") String name,
        @Pattern(regexp = "[0-9A-Za-z]{6,30}") @Schema(examples = "11010519491231002X") String idNumber,
        @NotNull @Pattern(regexp = "[0-9]{6}") @Schema(examples = "360000") String region,
        @Min(2000) @Max(2100) @Schema(examples = "2019") Integer year,
        @NotEmpty @Size(max = 20) List<@Valid @NotNull AgencyLine> lines,
        @Schema(description = "default: 30 days from now") Instant expiresAt) {
}
