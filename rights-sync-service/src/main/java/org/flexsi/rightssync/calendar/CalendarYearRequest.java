package org.flexsi.rightssync.calendar;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One year's exceptions to the Monday–Friday week, as the State Council's notice lists them. */
@Schema(name = "CalendarYearBody")
public record CalendarYearRequest(
        @Schema(description = "Which notice the data comes from", examples = "国务院办公厅关于2027年部分节假日安排的通知")
        @NotBlank @Size(max = 300) String source,
        @Schema(description = "Holiday days, including weekend days inside a holiday span", examples = "[\"2027-01-01\",\"2027-02-06\"]")
        @NotNull @Size(max = 366) List<@NotNull LocalDate> offDays,
        @Schema(description = "Make-up working days (调休), always a Saturday or Sunday", examples = "[\"2027-02-20\"]")
        @NotNull @Size(max = 366) List<@NotNull LocalDate> workDays) {
}
