package org.flexsi.rightssync.calendar;

import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "WorkingDaysBetween")
public record WorkingDaysBetweenView(@Schema(examples = "2024-09-27") LocalDate from, @Schema(examples = "2024-10-08") LocalDate to,
        @Schema(description = "Working days after from, up to and including to", examples = "3") int workingDays) {
}
