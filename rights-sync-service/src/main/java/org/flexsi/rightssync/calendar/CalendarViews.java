package org.flexsi.rightssync.calendar;

import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Answers of the calendar API. */
public final class CalendarViews {
    private CalendarViews() {
    }

    @Schema(name = "CalendarYear")
    public record Year(@Schema(examples = "2027") int year, @Schema(examples = "国务院办公厅通知") String source,
            List<LocalDate> offDays, List<LocalDate> workDays) {
    }

    @Schema(name = "CalendarDate")
    public record DateAnswer(@Schema(examples = "2024-10-08") LocalDate date) {
    }

    @Schema(name = "WorkingDayAnswer")
    public record WorkingDay(@Schema(examples = "2024-09-29") LocalDate date, @Schema(examples = "true") boolean workingDay) {
    }

    @Schema(name = "WorkingDaysBetween")
    public record Between(@Schema(examples = "2024-09-27") LocalDate from, @Schema(examples = "2024-10-08") LocalDate to,
            @Schema(description = "Working days after from, up to and including to", examples = "3") int workingDays) {
    }
}
