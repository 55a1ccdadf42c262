package org.flexsi.rightssync.calendar;

import java.time.Instant;
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

    @Schema(name = "CalendarDraft", description = "A year uploaded by one operator, waiting for another to publish it")
    public record Draft(@Schema(examples = "2027") int year,
            @Schema(examples = "0b6e8f5e-5d1c-4a53-9d7e-2f3c4b5a6d7e") String draftId,
            @Schema(examples = "国务院办公厅通知") String source, List<LocalDate> offDays, List<LocalDate> workDays,
            @Schema(examples = "ops-1") String uploadedBy, @Schema(examples = "2026-11-05T02:00:00Z") Instant uploadedAt) {
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
