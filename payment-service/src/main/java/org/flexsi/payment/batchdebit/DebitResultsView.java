package org.flexsi.payment.batchdebit;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "DebitBatchResults", description = "Result files booked for the batch, sent back or handed in")
public record DebitResultsView(
        @Schema(examples = "1") int files,
        @Schema(description = "Lines booked as paid", examples = "998213") long paid,
        @Schema(description = "Lines booked as not paid", examples = "1787") long unpaid,
        @Schema(description = "When the first result file was booked; null while none is") Instant firstBookedAt) {
    static final DebitResultsView NONE = new DebitResultsView(0, 0, 0, null);
}
