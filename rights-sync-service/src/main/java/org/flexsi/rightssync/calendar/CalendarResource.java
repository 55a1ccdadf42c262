package org.flexsi.rightssync.calendar;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.flexsi.platform.problem.Problem;

@Path("/api/v1/calendar")
@Tag(name = "Working-day calendar", description = "Chinese working days (holidays off, 调休 make-up days on)")
@Produces(MediaType.APPLICATION_JSON)
public class CalendarResource {
    private final CalendarAdmin admin;

    public CalendarResource(CalendarAdmin admin) {
        this.admin = admin;
    }

    @PUT
    @Path("/{year}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("ops")
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Load or replace one year of the calendar",
            description = "Stored and published on the compacted topic flexsi.calendar; every service picks it up without a release.")
    @APIResponse(responseCode = "200", description = "Stored and published")
    @APIResponse(responseCode = "400", description = "Malformed body, a date outside the year, a weekday listed as make-up day",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not ops", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public CalendarViews.Year put(@Parameter(example = "2027") @PathParam("year") String year,
            @Valid @NotNull CalendarYearBody body) {
        return admin.publish(year, body);
    }

    @GET
    @Path("/{year}")
    @Operation(summary = "One loaded year of the calendar (public)")
    @APIResponse(responseCode = "200", description = "The year's off days and make-up working days")
    @APIResponse(responseCode = "400", description = "Not a year", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Year not loaded", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public CalendarViews.Year year(@Parameter(example = "2026") @PathParam("year") String year) {
        return admin.loadedYear(year);
    }

    @GET
    @Path("/add-working-days")
    @Operation(summary = "The N-th working day after a date (public)",
            description = "Counting starts on the day after date; days=0 returns date itself.")
    @APIResponse(responseCode = "200", description = "The date")
    @APIResponse(responseCode = "400", description = "Bad date or days", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "A year on the way is not loaded", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public CalendarViews.DateAnswer addWorkingDays(@Parameter(example = "2024-09-27") @QueryParam("date") String date,
            @Parameter(example = "3") @QueryParam("days") String days) {
        return new CalendarViews.DateAnswer(admin.addWorkingDays(date, days));
    }

    @GET
    @Path("/is-working-day")
    @Operation(summary = "Whether a date is a working day (public)")
    @APIResponse(responseCode = "200", description = "The answer")
    @APIResponse(responseCode = "400", description = "Bad date", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Year not loaded", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public CalendarViews.WorkingDay isWorkingDay(@Parameter(example = "2024-09-29") @QueryParam("date") String date) {
        boolean working = admin.isWorkingDay(date);
        return new CalendarViews.WorkingDay(LocalDate.parse(date), working);
    }

    @GET
    @Path("/working-days-between")
    @Operation(summary = "Working days after from, up to and including to (public)")
    @APIResponse(responseCode = "200", description = "The count")
    @APIResponse(responseCode = "400", description = "Bad or reversed dates", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "A year in the range is not loaded", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public CalendarViews.Between workingDaysBetween(@Parameter(example = "2024-09-27") @QueryParam("from") String from,
            @Parameter(example = "2024-10-08") @QueryParam("to") String to) {
        int n = admin.workingDaysBetween(from, to);
        return new CalendarViews.Between(LocalDate.parse(from), LocalDate.parse(to), n);
    }
}
