package org.flexsi.registration.enrolment;

import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.flexsi.registration.region.Channel;

@Schema(name = "NewEnrolmentRequest", description = "Enrol an already registered person in one more insurance")
public record NewEnrolmentRequest(
        @NotNull @Schema(examples = "2026-02-01") LocalDate enrolmentDate,
        @NotNull @jakarta.validation.Valid org.flexsi.registration.person.EnrolmentRequest enrolment,
        @Schema(examples = "COUNTER") Channel channel) {
}
