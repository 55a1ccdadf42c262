package org.flexsi.payment.batchdebit;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Bodies of the batch debit API. */
public final class DebitModels {
    private DebitModels() {
    }

    @Schema(name = "DebitAgreementRequest", description = "A contributor authorises his bank to debit his account monthly")
    public record AgreementRequest(
            @NotBlank @Pattern(regexp = "[a-z0-9-]{2,32}", message = "must be a bank id, 2-32 of a-z 0-9 -")
            @Schema(examples = "icbc") String bankId,
            @NotBlank @Pattern(regexp = "[0-9]{12,30}", message = "must be 12 to 30 digits")
            @Schema(examples = "6222021234567890123") String accountNumber,
            @NotBlank @Size(max = 100) @Schema(examples = "张三") String accountName) {
    }

    @Schema(name = "DebitAgreement")
    public record Agreement(
            String personId,
            @Schema(examples = "icbc") String bankId,
            @Schema(description = "Masked: only the last four digits", examples = "***************0123") String accountNumber,
            @Schema(examples = "张三") String accountName,
            Instant signedAt) {
    }

    @Schema(name = "DebitBatchRequest")
    public record BatchRequest(
            @NotBlank @Pattern(regexp = "[a-z0-9-]{2,32}", message = "must be a bank id, 2-32 of a-z 0-9 -")
            @Schema(examples = "icbc") String bankId,
            @NotBlank @Pattern(regexp = "[0-9]{4}-(0[1-9]|1[0-2])", message = "must look like YYYY-MM")
            @Schema(examples = "2026-11") String month) {
    }

    @Schema(name = "DebitBatch")
    public record Batch(
            String batchId,
            @Schema(examples = "icbc") String bankId,
            @Schema(examples = "2026-11") String month,
            @Schema(examples = "1000000") long lineCount,
            @Schema(examples = "1070620000.00") String total,
            @Schema(description = "SHA-256 of the file above its checksum line") String checksum,
            Instant createdAt,
            Submission submission,
            Results results) {
    }

    @Schema(name = "DebitBatchSubmission", description = "How the file reaches its bank")
    public record Submission(
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

    @Schema(name = "DebitBatchResults", description = "Result files booked for the batch, sent back or handed in")
    public record Results(
            @Schema(examples = "1") int files,
            @Schema(description = "Lines booked as paid", examples = "998213") long paid,
            @Schema(description = "Lines booked as not paid", examples = "1787") long unpaid,
            @Schema(description = "When the first result file was booked; null while none is") Instant firstBookedAt) {
        static final Results NONE = new Results(0, 0, 0, null);
    }

    @Schema(name = "DebitResultBooking")
    public record Booking(
            String batchId,
            @Schema(description = "Lines booked as paid by this request") int paid,
            @Schema(description = "Lines booked as not paid by this request") int unpaid,
            @Schema(description = "This exact result file was booked before; nothing new was booked") boolean alreadyBooked) {
    }
}
