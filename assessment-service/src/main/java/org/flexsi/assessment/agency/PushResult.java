package org.flexsi.assessment.agency;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Per item: accepted with its serial number (duplicate when the reference was already known), or rejected with the rule. */
public record PushResult(List<Accepted> accepted, List<Rejected> rejected) {
    public record Accepted(@Schema(examples = "JX-SB-2026-000123") String reference,
            @Schema(examples = "36000020260115000000043") String serialNumber, boolean duplicate) {
    }

    public record Rejected(@Schema(examples = "JX-SB-2026-000124") String reference, @Schema(examples = "R3") String rule,
            @Schema(examples = "no registered person with this name and ID number") String detail) {
    }
}
