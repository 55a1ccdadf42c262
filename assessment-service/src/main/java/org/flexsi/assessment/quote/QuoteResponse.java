package org.flexsi.assessment.quote;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.flexsi.contracts.events.LineItem;

@JsonInclude(JsonInclude.Include.NON_NULL)
public record QuoteResponse(
        @Schema(examples = "370700") String region,
        @Schema(examples = "2023") int year,
        @Schema(examples = "370700-2023-v1") String catalogueVersion,
        List<String> months,
        List<LineItem> lines,
        @Schema(examples = "13045.44") String total,
        @Schema(description = "whether these months could be assessed and paid today") boolean payableNow,
        @Schema(description = "the rule that stops it, when not payable", examples = "R13") String notPayableRule,
        @Schema(examples = "2023-01 is before the payable window 2026-01..2026-12") String notPayableReason) {
}
