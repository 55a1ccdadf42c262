package org.flexsi.assessment.agency;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
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

@Path("/api/v1/agency/assessments")
@Tag(name = "Agency integration", description = "Pension and medical agencies push the assessments they made (R15, R16)")
public class AgencyAssessmentResource {
    private final AgencyAssessmentService service;
    private final SecurityIdentity identity;

    public AgencyAssessmentResource(AgencyAssessmentService service, SecurityIdentity identity) {
        this.service = service;
        this.identity = identity;
    }

    @POST
    @RolesAllowed(Roles.AGENCY)
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Push agency-made assessments in bulk",
            description = "Back-pay and medical yearly batches. Each item is stored with a serial number and announced as "
                    + "org.flexsi.assessment.created.v1 (source AGENCY), or rejected with the rule it breaks; a known reference "
                    + "is a duplicate and answers its serial number again. Contributors then fetch by serial number or by name and ID number. "
                    + "An agency pushes only for the regions it serves (the item's region and the person's registered one).")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = AgencyPush.class),
            examples = @ExampleObject(name = "jiangxi-back-pay", value = """
                    {"assessments": [{"reference": "JX-SB-2026-000123", "personId": "p-1001", "region": "360000", "year": 2025,
                      "lines": [{"insurance": "PENSION", "months": ["2025-01", "2025-02"], "base": "3024.00", "rate": "0.20", "amount": "1210.00"}]}]}
                    """)))
    @APIResponse(responseCode = "200", description = "Per-item outcome",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PushResult.class)))
    @APIResponse(responseCode = "400", description = "Malformed push or missing Idempotency-Key",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not a configured agency, or an item (its region or its person's) "
            + "outside the regions the agency serves: nothing of the push is stored",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Idempotency-Key reused for another push",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response push(
            @Parameter(in = ParameterIn.HEADER, name = IdempotencyKeys.HEADER, required = true, example = "push-2026-01-15-001")
            @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey,
            @Valid @NotNull AgencyPush push) {
        return service.push(push, Caller.of(identity), idempotencyKey);
    }
}
