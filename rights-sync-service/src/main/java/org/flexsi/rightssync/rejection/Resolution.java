package org.flexsi.rightssync.rejection;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.flexsi.rightssync.record.SyncRecord;

/** How ops resolved a rejected record, shown on the work list. */
@Schema(name = "RejectionResolution")
public record Resolution(
        @Schema(examples = "RESEND", enumeration = {"RESEND", "CLOSE"}) String action,
        @Schema(description = "Subject of the ops token that resolved it", examples = "ops-1") String resolvedBy,
        Instant resolvedAt,
        @Schema(examples = "enrolled with the pension agency on 2026-03-04") String note,
        @Schema(description = "RESEND: the new record that carries the same rights", examples = "RS-0b6f2f8e-5a0c-3d0e-8a44-1f2b3c4d5e6f")
        String successorRecordId) {

    /** Null while the record is still open on the work list. */
    public static Resolution of(SyncRecord r) {
        return r.resolution == null ? null
                : new Resolution(r.resolution, r.resolvedBy, r.resolvedAt, r.resolutionNote, r.successorId);
    }
}
