package org.flexsi.registration.enrolment;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.flexsi.registration.region.Channel;

@Schema(description = "One change in an enrolment's history: what, who, when, why")
public record ChangeView(
        @Schema(examples = "MEDICAL") Insurance insurance,
        @Schema(examples = "INTERRUPTED") EnrolmentChange.Action action,
        @Schema(examples = "ACTIVE") EnrolmentStatus fromStatus,
        @Schema(examples = "INTERRUPTED") EnrolmentStatus toStatus,
        @Schema(description = "Month or date the change takes effect", examples = "2026-06") String effective,
        @Schema(examples = "stopped working as a courier") String reason,
        @Schema(examples = "rate 0.06 -> 0.09") String detail,
        @Schema(examples = "COUNTER") Channel channel,
        @Schema(examples = "wuhan-pension") String actor,
        @Schema(examples = "agency") String actorRole,
        Instant occurredAt,
        @Schema(description = "The enrolment changed; a medical rate change (R5) ends one and starts another", examples = "12") Long enrolmentId,
        @Schema(description = "The person's registration version after this change (absent before versions existed)", examples = "3") Long registrationVersion) {

    static ChangeView of(EnrolmentChange c) {
        return new ChangeView(c.insurance, c.action, c.fromStatus, c.toStatus, c.effective, c.reason, c.detail,
                c.channel, c.actor, c.actorRole, c.occurredAt, c.enrolmentId, c.registrationVersion);
    }
}
