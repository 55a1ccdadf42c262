package org.flexsi.assessment.assessment;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Unpaid months of a person's enrolments, split into what he may assess himself and what needs the agency. */
public record BackPayView(@Schema(examples = "p-1001") String personId, List<Proposal> insurances) {
    public record Proposal(
            @Schema(examples = "MEDICAL") String insurance,
            @Schema(examples = "370100") String region,
            @Schema(description = "unpaid months inside today's payable window: assess them with POST /api/v1/assessments")
            List<String> selfService,
            @Schema(description = "unpaid months only an agency assessment can collect") List<String> agencyOnly,
            @Schema(description = "the rule that sends them to the agency", examples = "R16") String agencyRule,
            @Schema(examples = "medical back-pay needs the medical agency to push back-pay data first") String agencyReason) {
    }
}
