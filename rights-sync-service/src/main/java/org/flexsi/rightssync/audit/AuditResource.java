package org.flexsi.rightssync.audit;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.flexsi.platform.problem.Problem;
import org.flexsi.platform.problem.ProblemException;
import org.flexsi.platform.security.Caller;
import org.flexsi.platform.security.Roles;
import org.flexsi.rightssync.query.AgencyScope;
import org.flexsi.rightssync.record.Agency;

@Path("/api/v1/rights/audit")
@Tag(name = "Audit", description = "Proof of every decision, per agency and day")
public class AuditResource {
    private final AuditExportService export;
    private final SecurityIdentity identity;

    public AuditResource(AuditExportService export, SecurityIdentity identity) {
        this.export = export;
        this.identity = identity;
    }

    @GET
    @Produces("text/csv")
    @RolesAllowed({Roles.OPS, Roles.AGENCY})
    @Operation(summary = "CSV of the decisions recorded for one agency on one Beijing day",
            description = "A pension or medical agency exports its own kind's decisions in the regions it serves.")
    @APIResponse(responseCode = "200", description = "CSV with a header line", content = @Content(mediaType = "text/csv"))
    @APIResponse(responseCode = "400", description = "Bad agency or date", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Another kind of agency's records, or a tax agency", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response csv(@Parameter(example = "PENSION") @QueryParam("agency") String agencyText,
            @Parameter(example = "2026-03-02") @QueryParam("date") String dateText) {
        Agency agency = Agency.parse(agencyText)
                .orElseThrow(() -> ProblemException.invalid("agency", "must be PENSION or MEDICAL"));
        Optional<AgencyScope> scope = AgencyScope.of(Caller.of(identity));
        scope.ifPresent(s -> s.requireAgency(agency));
        LocalDate day;
        try {
            day = LocalDate.parse(dateText == null ? "" : dateText);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid("date", "must be a date as YYYY-MM-DD");
        }
        return Response.ok(export.csv(agency, scope.orElse(null), day), "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"rights-" + agency.id() + "-" + day + ".csv\"")
                .build();
    }
}
