package org.flexsi.rightssync.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "CalendarDraft", description = "A year uploaded by one operator, waiting for another to publish it")
public record CalendarDraftView(@Schema(examples = "2027") int year,
        @Schema(examples = "0b6e8f5e-5d1c-4a53-9d7e-2f3c4b5a6d7e") String draftId,
        @Schema(examples = "国务院办公厅通知") String source, List<LocalDate> offDays, List<LocalDate> workDays,
        @Schema(examples = "ops-1") String uploadedBy, @Schema(examples = "2026-11-05T02:00:00Z") Instant uploadedAt) {
}
