package org.flexsi.registration.person;

import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.flexsi.registration.enrolment.Enrolment;
import org.flexsi.registration.enrolment.EnrolmentStatus;
import org.flexsi.registration.enrolment.Insurance;
import org.flexsi.registration.region.Terms;

@Schema(description = "The current state of one enrolment")
public record EnrolmentView(
        @Schema(examples = "PENSION") Insurance insurance,
        @Schema(examples = "ACTIVE") EnrolmentStatus status,
        @Schema(examples = "2026-01") String firstMonth,
        @Schema(description = "Start of the current or last active period", examples = "2026-01") String activeFrom,
        @Schema(description = "Set when interrupted or suspended", examples = "2026-06") String lastCoveredMonth,
        @Schema(examples = "60") String grade,
        @Schema(examples = "3980.00") String base,
        @Schema(examples = "0.06") String rate,
        @Schema(examples = "WITH_ACCOUNT") String plan,
        @Schema(examples = "moved to an employer") String suspensionReason,
        @Schema(examples = "2026-07-01") LocalDate suspensionDate,
        @Schema(description = "The person's registration version after the change this answer reports (it grows with"
                + " every registration change)", examples = "3") long registrationVersion) {

    public static EnrolmentView of(Enrolment e, long registrationVersion) {
        Terms terms = e.terms();
        return new EnrolmentView(e.insurance, e.status, e.firstMonth, e.activeFrom, e.lastCoveredMonth, e.grade,
                terms.baseText(), terms.rateText(), e.plan, e.suspensionReason, e.suspensionDate, registrationVersion);
    }
}
