package org.flexsi.rightssync.calendar;

import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "WorkingDayAnswer")
public record WorkingDayView(@Schema(examples = "2024-09-29") LocalDate date, @Schema(examples = "true") boolean workingDay) {
}
