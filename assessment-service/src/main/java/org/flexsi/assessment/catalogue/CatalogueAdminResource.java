package org.flexsi.assessment.catalogue;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.flexsi.platform.idempotency.IdempotencyKeys;
import org.flexsi.platform.problem.Problem;
import org.flexsi.platform.security.Caller;
import org.flexsi.platform.security.Roles;

@Path("/api/v1/admin/catalogues")
@Tag(name = "Catalogue administration", description = "Operations add a year's contribution standard: draft, then publish by a second ops user")
@Produces(MediaType.APPLICATION_JSON)
public class CatalogueAdminResource {
    /** A working Jinan-like 2026 body; the figures are demo data and say so. */
    public static final String EXAMPLE = """
            {"region": "370100", "year": 2026, "firstMonth": "2026-01", "lastMonth": "2026-12", "effectiveFrom": "2026-01-01",
             "source": "DEMO DATA for trying the system, not official figures: Jinan-like 2026 standard",
             "window": {"rule": "YEAR_TO_DATE", "ruleRef": "R13", "yearStartMonth": 1, "deferrals": []},
             "insurances": [
               {"insurance": "PENSION", "base": {"floor": "4500.00", "ceiling": "22500.00"},
                "plans": [{"code": "STANDARD", "parts": [{"rate": "0.20"}]}]},
               {"insurance": "MEDICAL", "base": {"fixed": "4500.00"},
                "plans": [{"code": "WITH_ACCOUNT", "description": "with personal account", "parts": [{"rate": "0.09"}]}]}]}
            """;

    private final CatalogueService service;
    private final SecurityIdentity identity;

    public CatalogueAdminResource(CatalogueService service, SecurityIdentity identity) {
        this.service = service;
        this.identity = identity;
    }

    @POST
    @RolesAllowed(Roles.OPS)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a draft catalogue for a region and year",
            description = "Validates floor <= ceiling, rates in (0, 1], grades sorted by rising base, one entry per insurance. "
                    + "The draft prices nothing until a different ops user publishes it.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = Catalogue.class),
            examples = @ExampleObject(name = "jinan-2026-demo", value = EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Draft stored",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CatalogueView.class)))
    @APIResponse(responseCode = "400", description = "Invalid catalogue or missing Idempotency-Key",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not an ops user",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Idempotency-Key reused for another body",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(
            @Parameter(in = ParameterIn.HEADER, name = IdempotencyKeys.HEADER, required = true, description = "unique per intended draft",
                    example = "cat-370100-2026-1") @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey,
            @Valid @NotNull Catalogue definition) {
        return service.createDraft(definition, identity.getPrincipal().getName(), idempotencyKey);
    }

    @POST
    @Path("/{version}/publish")
    @RolesAllowed(Roles.OPS)
    @Operation(summary = "Publish a draft catalogue (a second ops user)",
            description = "The publisher must be a different ops user than the author. A published version is immutable; "
                    + "assessments record the version they used, and org.flexsi.catalogue.published.v1 is emitted. The publication is "
                    + "written to the access audit (action catalogue-publish).")
    @APIResponse(responseCode = "200", description = "Published",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CatalogueView.class)))
    @APIResponse(responseCode = "403", description = "Not an ops user, or the author himself",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such version",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Already published",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public CatalogueView publish(@PathParam("version") @Pattern(regexp = "[0-9A-Za-z-]{1,40}") @Parameter(example = "370100-2026-v1")
            String version) {
        return service.publish(version, Caller.of(identity));
    }
}
