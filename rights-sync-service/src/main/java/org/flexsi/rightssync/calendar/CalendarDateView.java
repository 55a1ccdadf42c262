package org.flexsi.rightssync.calendar;

import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "CalendarDate")
public record CalendarDateView(@Schema(examples = "2024-10-08") LocalDate date) {
}
