package org.flexsi.registration.coverage;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.YearMonth;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.flexsi.platform.problem.Problem;
import org.flexsi.platform.security.Caller;
import org.flexsi.platform.security.Roles;
import org.flexsi.platform.time.BusinessTime;
import org.flexsi.registration.person.Months;
import org.flexsi.registration.person.PersonAccess;

@Path("/api/v1/persons")
@Tag(name = "Medical coverage", description = "Medical benefit status (R17)")
@Produces(MediaType.APPLICATION_JSON)
public class CoverageResource {
    private final CoverageService coverage;
    private final PersonAccess access;
    private final SecurityIdentity identity;
    private final Clock clock;

    public CoverageResource(CoverageService coverage, PersonAccess access, SecurityIdentity identity, Clock clock) {
        this.coverage = coverage;
        this.access = access;
        this.identity = identity;
        this.clock = clock;
    }

    @GET
    @Path("/{personId}/coverage")
    @RolesAllowed({Roles.AGENCY, Roles.OPS, Roles.CONTRIBUTOR, Roles.PROXY})
    @Operation(summary = "Is the person covered by medical insurance in a month; if not, why and from when (R17)")
    @APIResponse(responseCode = "200", description = "The answer", content = @Content(schema = @Schema(implementation = CoverageView.class)))
    @APIResponse(responseCode = "400", description = "Bad person id or month", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Another person's coverage: an agency outside the person's region, another contributor, a proxy without a confirmed link", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such person", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public CoverageView medical(@PathParam("personId") UUID personId,
            @Parameter(description = "YYYY-MM; the current month in China when absent")
            @QueryParam("month") @Pattern(regexp = Months.PATTERN, message = "must be YYYY-MM") String month) {
        access.checkCanRead(Caller.of(identity), personId);
        YearMonth asked = month == null ? YearMonth.from(BusinessTime.today(clock)) : Months.parse(month);
        return coverage.medical(personId, asked);
    }
}
