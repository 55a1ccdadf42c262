package org.flexsi.rightssync.feed;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A record as an agency pulls it: everything it needs to book the rights, including the ID number. */
@Schema(name = "FeedRecord")
public record FeedRecord(
        @Schema(description = "Pass the last one as 'after' to continue", examples = "42") long cursor,
        @Schema(examples = "RS-3f1c9a2e-7f7e-3c7a-9d55-0c1e8b3f2a10") String recordId,
        @Schema(examples = "PAYMENT") String kind,
        @Schema(examples = "p-000001") String personId,
        @Schema(examples = "420106199001011234") String idNumber,
        @Schema(examples = "张三") String name,
        @Schema(examples = "420100") String region,
        @Schema(examples = "PENSION") String insurance,
        @Schema(examples = "[\"2026-03\"]") List<String> months,
        @Schema(examples = "3980.00") String base,
        @Schema(examples = "796.00") String amount,
        @Schema(examples = "pay-000001") String paymentReference,
        Instant paidAt,
        @Schema(examples = "2026-03-05") LocalDate deadline,
        @Schema(examples = "ACKNOWLEDGED") String status) {
}
