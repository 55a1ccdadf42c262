package org.flexsi.registration.bulk;

import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.flexsi.platform.problem.Problem;

@Schema(description = "Per-row outcome of a bulk registration; each row is all-or-nothing")
public record BulkResult(
        @Schema(examples = "3") int total,
        @Schema(examples = "1") int registered,
        @Schema(description = "Rows whose person was registered before (a re-sent file)", examples = "1") int alreadyRegistered,
        @Schema(examples = "1") int failed,
        List<Row> rows) {

    public enum Status {
        REGISTERED,
        ALREADY_REGISTERED,
        FAILED
    }

    @Schema(name = "BulkRow")
    public record Row(
            @Schema(description = "1-based row number (CSV: data rows after the header)", examples = "2") int row,
            @Schema(examples = "FAILED") Status status,
            UUID personId,
            @Schema(description = "Why a row failed: fields, or the rule broken (e.g. R2)") List<Problem.FieldError> errors) {
    }
}
