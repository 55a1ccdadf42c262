package org.flexsi.platform.audit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.flexsi.platform.problem.Problem;
import org.flexsi.platform.security.Roles;

/** The auditor's export of this service's access audit trail. Read-only: no API writes or changes it. */
@Path("/api/v1/access-audit")
@Tag(name = "Access audit", description = "Who revealed personal data or took a sensitive decision (auditor only)")
@Produces(MediaType.APPLICATION_JSON)
public class AccessAuditResource {
    private final AccessAudit audit;

    public AccessAuditResource(AccessAudit audit) {
        this.audit = audit;
    }

    @GET
    @RolesAllowed(Roles.AUDITOR)
    @Operation(summary = "Export the access audit entries of a period", description = "Oldest first, paged.")
    @APIResponse(responseCode = "200", description = "The entries", content = @Content(schema = @Schema(implementation = AuditEntry.class, type = SchemaType.ARRAY)))
    @APIResponse(responseCode = "403", description = "Not an auditor", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<AuditEntry> export(
            @Parameter(description = "Start, inclusive (ISO-8601 instant)", example = "2026-12-01T00:00:00Z") @QueryParam("from") @NotNull Instant from,
            @Parameter(description = "End, exclusive (ISO-8601 instant)", example = "2026-12-08T00:00:00Z") @QueryParam("to") @NotNull Instant to,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(100_000) int page,
            @QueryParam("size") @DefaultValue("500") @Min(1) @Max(5000) int size) {
        return audit.between(from, to, page, size);
    }
}
