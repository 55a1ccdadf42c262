package org.flexsi.rightssync.query;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A contributor's view of one month (R24: he can check after 3 working days). */
@Schema(name = "MyRights")
public record MyRights(
        @Schema(examples = "2026-03") String month,
        @Schema(description = "CONFIRMED when every record of the month is, REJECTED if any is, NONE without payments, else PENDING",
                examples = "PENDING") String status,
        List<Item> items) {

    @Schema(name = "MyRightsItem")
    public record Item(
            @Schema(examples = "PENSION") String insurance,
            @Schema(examples = "PENSION") String agency,
            @Schema(examples = "PAYMENT") String kind,
            @Schema(examples = "pay-000001") String paymentId,
            @Schema(description = "CONFIRMED, PENDING or REJECTED", examples = "PENDING") String status,
            @Schema(description = "By when the agency must confirm, for pending items", examples = "2026-03-05") LocalDate deadline,
            @Schema(description = "The overdue flag of a pending item", examples = "false") boolean overdue,
            @Schema(examples = "PEN-000001") String agencyReference,
            Instant confirmedAt,
            @Schema(examples = "person not enrolled with this agency") String reason) {
    }
}
