package org.flexsi.platform.audit;

import java.time.Instant;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "One access audit entry: who did what to which record, and when")
public record AuditEntry(
        @Schema(example = "42") long seq,
        Instant at,
        @Schema(example = "wang.li") String actor,
        @Schema(example = "agency") String role,
        @Schema(example = "weifang-medical", nullable = true) String agency,
        @Schema(example = "reveal-id-number") String action,
        @Schema(example = "person") String recordType,
        @Schema(example = "3f1e0c7a-0000-4000-8000-000000000001") String recordId,
        @Schema(example = "4bf92f3577b34da6a3ce929d0e0e4736", nullable = true) String traceId) {

    static AuditEntry of(Object[] row) {
        Object at = row[1];
        Instant instant = at instanceof OffsetDateTime odt ? odt.toInstant() : (Instant) at;
        return new AuditEntry(((Number) row[0]).longValue(), instant, (String) row[2], (String) row[3],
                (String) row[4], (String) row[5], (String) row[6], (String) row[7], (String) row[8]);
    }
}
