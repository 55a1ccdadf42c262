package org.flexsi.certificate.record;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An agency's bulk load of payments made before this platform (R23: back to 2019-01-01). */
public final class HistoricalLoad {
    private static final String MONEY = "^-?[0-9]{1,12}\\.[0-9]{2}$";
    private static final String ID = "^[A-Za-z0-9._:-]{1,64}$";

    private HistoricalLoad() {
    }

    @Schema(description = "Up to 1000 historical payments; a payment id already known is skipped, so a retried load is harmless")
    public record Request(@NotNull @Size(min = 1, max = 1000) List<@Valid @NotNull Payment> records) {
    }

    @Schema(description = "One historical payment")
    public record Payment(
            @NotBlank @Pattern(regexp = ID) @Schema(examples = "HIST-2019-000001") String paymentId,
            @NotBlank @Pattern(regexp = ID) @Schema(examples = "p-42") String personId,
            @Pattern(regexp = ID) @Schema(examples = "p-42", nullable = true, description = "Defaults to personId") String payerId,
            @NotBlank @Pattern(regexp = "^[0-9]{6}$") @Schema(examples = "420100") String region,
            @Pattern(regexp = ID) @Schema(examples = "HD2019000123", nullable = true) String assessmentSerial,
            @NotBlank @Size(max = 40) @Schema(examples = "BANK_COUNTER") String channel,
            @NotNull @Schema(examples = "2019-03-01T02:00:00Z") Instant paidAt,
            @NotNull @Size(min = 1, max = 50) List<@Valid @NotNull Line> lines,
            @NotBlank @Pattern(regexp = MONEY) @Schema(examples = "605.00") String total) {
    }

    @Schema(description = "One line of a historical payment")
    public record Line(
            @NotBlank @Size(max = 40) @Schema(examples = "PENSION") String insurance,
            @NotNull @Size(min = 1, max = 24) List<@NotNull @Pattern(regexp = "^[0-9]{4}-(0[1-9]|1[0-2])$") String> months,
            @Pattern(regexp = MONEY) @Schema(examples = "3024.00", nullable = true) String base,
            @Pattern(regexp = "^[0-9]{1,3}(\\.[0-9]{1,6})?$") @Schema(examples = "0.20", nullable = true) String rate,
            @NotBlank @Pattern(regexp = MONEY) @Schema(examples = "605.00") String amount,
            @Size(max = 40) @Schema(nullable = true) String part) {
    }

    @Schema(description = "What became of each record")
    public record Result(@Schema(examples = "998") int loaded, @Schema(examples = "1") int alreadyKnown, List<Rejected> rejected) {
    }

    public record Rejected(@Schema(examples = "3") int index, @Schema(examples = "HIST-2018-000004") String paymentId,
            @Schema(examples = "R23: certificates cover payments since 2019-01-01") String reason) {
    }
}
