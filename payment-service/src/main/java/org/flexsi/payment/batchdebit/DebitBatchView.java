package org.flexsi.payment.batchdebit;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "DebitBatch")
public record DebitBatchView(
        String batchId,
        @Schema(examples = "icbc") String bankId,
        @Schema(examples = "2026-11") String month,
        @Schema(examples = "1000000") long lineCount,
        @Schema(examples = "1070620000.00") String total,
        @Schema(description = "SHA-256 of the file above its checksum line") String checksum,
        Instant createdAt,
        DebitSubmissionView submission,
        DebitResultsView results) {
}
