package org.flexsi.platform.deadletter;

import java.time.Instant;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A record one of this service's consumers parked on a dead-letter topic, and what operations did with it")
public record DeadLetter(
        @Schema(examples = "flexsi.payment.dlq") String topic,
        @Schema(examples = "3") int partition,
        @Schema(examples = "17") long offset,
        @Schema(description = "Where it came from, and where a replay sends it", examples = "flexsi.payment") String originalTopic,
        @Schema(description = "The record key (the person's id)", nullable = true, examples = "P-370102-0001") String key,
        @Schema(description = "ce_id, the event id the inbox knows it by", nullable = true) String eventId,
        @Schema(nullable = true, examples = "org.flexsi.payment.refunded.v1") String eventType,
        @Schema(description = "Why the consumer could not process it (dead-letter-reason)", nullable = true,
                examples = "refund R-1 of unknown payment P-9") String reason,
        @Schema(description = "When it was parked on the dead-letter topic") Instant parkedAt,
        @Schema(description = "The original headers (CloudEvents attributes, traceparent), without the dead-letter ones")
        Map<String, String> headers,
        @Schema(description = "The start of the body; long digit runs (ID numbers, accounts, mobiles) masked")
        String payloadExcerpt,
        @Schema(enumeration = { "OPEN", "REPLAYED", "PARKED" }) String state,
        @Schema(description = "Why it was parked", nullable = true) String note,
        @Schema(description = "The operator who replayed or parked it", nullable = true) String actedBy,
        @Schema(nullable = true) Instant actedAt) {
}
