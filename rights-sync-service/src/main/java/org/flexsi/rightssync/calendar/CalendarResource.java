package org.flexsi.rightssync.calendar;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.flexsi.platform.problem.Problem;
import org.flexsi.platform.security.Caller;
import org.flexsi.platform.security.Roles;

@Path("/api/v1/calendar")
@Tag(name = "Working-day calendar", description = "Chinese working days (holidays off, 调休 make-up days on)")
@Produces(MediaType.APPLICATION_JSON)
public class CalendarResource {
    private final CalendarAdminService admin;
    private final SecurityIdentity identity;

    public CalendarResource(CalendarAdminService admin, SecurityIdentity identity) {
        this.admin = admin;
        this.identity = identity;
    }

    @PUT
    @Path("/{year}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OPS)
    @Operation(summary = "Upload one year of the calendar as a draft",
            description = "Four eyes: the draft takes effect only when another operator publishes it (POST .../publish with its"
                    + " draftId). A new upload replaces the year's pending draft under a new draftId.")
    @APIResponse(responseCode = "202", description = "Stored as a draft, waiting for a second operator",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CalendarDraftView.class)))
    @APIResponse(responseCode = "400", description = "Malformed body, a date outside the year, a weekday listed as make-up day",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not ops", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response put(@Parameter(example = "2027") @PathParam("year") String year, @Valid @NotNull CalendarYearRequest body) {
        return Response.accepted(admin.upload(Caller.of(identity), year, body)).build();
    }

    @GET
    @Path("/{year}/draft")
    @RolesAllowed(Roles.OPS)
    @Operation(summary = "The year's pending draft, for the second operator to review")
    @APIResponse(responseCode = "200", description = "The draft",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CalendarDraftView.class)))
    @APIResponse(responseCode = "400", description = "Not a year", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not ops", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No draft pending for the year", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public CalendarDraftView draft(@Parameter(example = "2027") @PathParam("year") String year) {
        return admin.draft(year);
    }

    @POST
    @Path("/{year}/publish")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OPS)
    @Operation(summary = "Publish the year's draft (a second operator)",
            description = "Four eyes: refused to the operator who uploaded the draft. Stored, published on the compacted topic"
                    + " flexsi.calendar (every service picks it up without a release) and written to the access audit"
                    + " (calendar-publish).")
    @APIResponse(responseCode = "200", description = "Published",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CalendarYearView.class)))
    @APIResponse(responseCode = "400", description = "Not a year, or no draftId", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not ops, or the operator who uploaded the draft", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No draft pending for the year", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The draft was replaced by another upload since it was reviewed", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public CalendarYearView publish(@Parameter(example = "2027") @PathParam("year") String year,
            @Valid @NotNull PublishCalendarRequest body) {
        return admin.publish(Caller.of(identity), year, body);
    }

    @GET
    @Path("/{year}")
    @Operation(summary = "One loaded year of the calendar (public)")
    @APIResponse(responseCode = "200", description = "The year's off days and make-up working days")
    @APIResponse(responseCode = "400", description = "Not a year", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Year not loaded", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public CalendarYearView year(@Parameter(example = "2026") @PathParam("year") String year) {
        return admin.loadedYear(year);
    }

    @GET
    @Path("/add-working-days")
    @Operation(summary = "The N-th working day after a date (public)",
            description = "Counting starts on the day after date; days=0 returns date itself.")
    @APIResponse(responseCode = "200", description = "The date")
    @APIResponse(responseCode = "400", description = "Bad date or days", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "A year on the way is not loaded", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public CalendarDateView addWorkingDays(@Parameter(example = "2024-09-27") @QueryParam("date") String date,
            @Parameter(example = "3") @QueryParam("days") String days) {
        return new CalendarDateView(admin.addWorkingDays(date, days));
    }

    @GET
    @Path("/is-working-day")
    @Operation(summary = "Whether a date is a working day (public)")
    @APIResponse(responseCode = "200", description = "The answer")
    @APIResponse(responseCode = "400", description = "Bad date", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Year not loaded", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public WorkingDayView isWorkingDay(@Parameter(example = "2024-09-29") @QueryParam("date") String date) {
        boolean working = admin.isWorkingDay(date);
        return new WorkingDayView(LocalDate.parse(date), working);
    }

    @GET
    @Path("/working-days-between")
    @Operation(summary = "Working days after from, up to and including to (public)")
    @APIResponse(responseCode = "200", description = "The count")
    @APIResponse(responseCode = "400", description = "Bad or reversed dates", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "A year in the range is not loaded", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public WorkingDaysBetweenView workingDaysBetween(@Parameter(example = "2024-09-27") @QueryParam("from") String from,
            @Parameter(example = "2024-10-08") @QueryParam("to") String to) {
        int n = admin.workingDaysBetween(from, to);
        return new WorkingDaysBetweenView(LocalDate.parse(from), LocalDate.parse(to), n);
    }
}
