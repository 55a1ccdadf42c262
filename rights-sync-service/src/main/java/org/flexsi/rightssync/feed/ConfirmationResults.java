package org.flexsi.rightssync.feed;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ConfirmationResults")
public record ConfirmationResults(List<Result> results) {

    @Schema(name = "ConfirmationResult")
    public record Result(@Schema(examples = "RS-3f1c9a2e-7f7e-3c7a-9d55-0c1e8b3f2a10") String recordId,
            @Schema(description = "APPLIED, DUPLICATE (already known), CONFLICT (decided otherwise before) or UNKNOWN",
                    examples = "APPLIED") String outcome) {
    }
}
