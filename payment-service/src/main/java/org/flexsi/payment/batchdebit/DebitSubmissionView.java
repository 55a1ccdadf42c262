package org.flexsi.payment.batchdebit;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "DebitBatchSubmission", description = "How the file reaches its bank")
public record DebitSubmissionView(
        @Schema(enumeration = { "SEND", "PULL", "SENT", "REFUSED" }, examples = "SENT", description = "SEND: to be sent "
                + "(retried while the bank is down); PULL: the bank fetches its file and hands in its result itself; SENT: "
                + "the bank answered and its result file was booked; REFUSED: the bank refused the file, or answered a "
                + "result file that cannot be booked (see lastError); not retried until ops send it again") String state,
        @Schema(description = "Sends tried so far", examples = "1") int attempts,
        @Schema(description = "When the next send may start (SEND only)") Instant nextAttemptAt,
        @Schema(description = "When the bank answered") Instant sentAt,
        @Schema(description = "Checksum of the result file the bank answered with") String resultChecksum,
        @Schema(description = "Why the last send failed", examples = "icbc answered 503: icbc is down") String lastError,
        @Schema(description = "The ops user who last sent the batch again after it was REFUSED", examples = "ops-li")
        String resentBy,
        @Schema(description = "When ops last sent it again") Instant resentAt) {
}
