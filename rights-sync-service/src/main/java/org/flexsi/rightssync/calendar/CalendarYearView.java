package org.flexsi.rightssync.calendar;

import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "CalendarYear")
public record CalendarYearView(@Schema(examples = "2027") int year, @Schema(examples = "国务院办公厅通知") String source,
        List<LocalDate> offDays, List<LocalDate> workDays) {
}
