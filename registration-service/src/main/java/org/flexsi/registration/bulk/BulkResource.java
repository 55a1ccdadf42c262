package org.flexsi.registration.bulk;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.flexsi.platform.problem.Problem;
import org.flexsi.platform.security.Caller;
import org.flexsi.platform.security.Roles;
import org.flexsi.registration.person.PersonRequest;

@Path("/api/v1/persons")
@Tag(name = "Bulk registration", description = "Agencies push thousands of registrations per request")
@RolesAllowed(Roles.AGENCY)
@Produces(MediaType.APPLICATION_JSON)
public class BulkResource {
    private final BulkRegistrationService bulk;
    private final SecurityIdentity identity;

    public BulkResource(BulkRegistrationService bulk, SecurityIdentity identity) {
        this.bulk = bulk;
        this.identity = identity;
    }

    @POST
    @Path("/bulk")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Register many persons from a JSON array",
            description = "Each row is all-or-nothing and gets its own result; a row for a region the agency does not serve fails (field region); a re-sent row answers ALREADY_REGISTERED"
                    + " with the person id, so re-sending a file is safe. At most 20000 rows.")
    @APIResponse(responseCode = "200", description = "Per-row results", content = @Content(schema = @Schema(implementation = BulkResult.class)))
    @APIResponse(responseCode = "400", description = "Not a JSON array of registrations, empty or too many rows", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not an agency", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public BulkResult json(@NotNull @NotEmpty @Size(max = BulkRegistrationService.MAX_ROWS) List<PersonRequest> rows) {
        return bulk.json(rows, Caller.of(identity));
    }

    @POST
    @Path("/bulk")
    @Consumes("text/csv")
    @Operation(summary = "Register many persons from CSV",
            description = "Header row with the columns " + CsvRegistration.HEADER + "; insurances separated by ';'."
                    + " Same per-row results as the JSON form.")
    @RequestBody(content = @Content(mediaType = "text/csv", schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING,
            examples = CsvRegistration.HEADER + "\nRESIDENT_ID,420106199003071238,张伟,,,13812345678,420100,420106,,,CHN,汉族,,2026-01-05,,PENSION;MEDICAL,2026-01,60,,,,")))
    @APIResponse(responseCode = "200", description = "Per-row results", content = @Content(schema = @Schema(implementation = BulkResult.class)))
    @APIResponse(responseCode = "400", description = "No header, unclosed quote, empty or too many rows", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not an agency", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public BulkResult csv(@NotNull String body) {
        return bulk.csv(body, Caller.of(identity));
    }
}
