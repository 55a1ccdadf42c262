package org.flexsi.assessment.assessment;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
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

@Path("/api/v1")
@Tag(name = "Assessments", description = "核定: what a registered person owes, with a serial number and an expiry")
@Produces(MediaType.APPLICATION_JSON)
public class AssessmentResource {
    private final AssessmentService service;
    private final SecurityIdentity identity;

    public AssessmentResource(AssessmentService service, SecurityIdentity identity) {
        this.service = service;
        this.identity = identity;
    }

    @POST
    @Path("/assessments")
    @RolesAllowed({Roles.CONTRIBUTOR, Roles.PROXY, Roles.AGENCY})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Assess chosen insurances and months for a registered person",
            description = "Checks registration and enrolment (R3, R4), the region's payable window (R12–R14), months already paid "
                    + "and open assessments; adds late fees where the catalogue charges them; stores the assessment and emits "
                    + "org.flexsi.assessment.created.v1. A contributor assesses himself, a proxy a person on his list, an agency a person of "
                    + "its regions. Right after a registration change, name the registration version it answered "
                    + "(expectedRegistrationVersion) to be priced on the new terms: until this service has seen it the answer is 409 "
                    + "registration-not-yet-seen with Retry-After. When an enrolment change arrives, open self-selected assessments "
                    + "of the months it affects are cancelled (org.flexsi.assessment.cancelled.v1, reason ENROLMENT_CHANGED: ...).")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = AssessmentRequest.class),
            examples = @ExampleObject(name = "jinan-pension-and-medical", value = """
                    {"personId": "p-1001", "months": ["2026-01"], "insurances": [
                      {"insurance": "PENSION", "base": "4500.00"}, {"insurance": "MEDICAL", "plan": "WITH_ACCOUNT"}]}
                    """)))
    @APIResponse(responseCode = "201", description = "Assessed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AssessmentView.class)))
    @APIResponse(responseCode = "400", description = "Malformed request or missing Idempotency-Key",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not this person, nor his proxy, nor an agency serving his region",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "assessment-open: an open assessment already holds some of these months; "
            + "registration-not-yet-seen: the expectedRegistrationVersion has not reached this service yet, retry after Retry-After seconds",
            headers = @Header(name = "Retry-After", description = "with registration-not-yet-seen: seconds to wait before retrying",
                    schema = @Schema(type = SchemaType.INTEGER)),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "A rule is broken: not registered or enrolled (R3, R4), outside the window "
            + "(R12, R13, R14), not a payment period the region allows a contributor or proxy (R12 Hubei: a month, quarter, "
            + "half-year or the social-insurance year; R14 Jiangxi: pension an unbroken run of months, medical the year; "
            + "elsewhere an unbroken run within the contribution year), agency-assessed (R16), base or grade (R7, R9), months "
            + "paid or listed twice",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(
            @Parameter(in = ParameterIn.HEADER, name = IdempotencyKeys.HEADER, required = true, example = "asm-p-1001-2026-01")
            @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey,
            @Valid @NotNull AssessmentRequest request) {
        return service.create(request, Caller.of(identity), idempotencyKey);
    }

    @GET
    @Path("/assessments/{serialNumber}")
    @RolesAllowed({Roles.CONTRIBUTOR, Roles.PROXY, Roles.AGENCY, Roles.OPS})
    @Operation(summary = "One assessment by its serial number (核定流水号)")
    @APIResponse(responseCode = "200", description = "The assessment",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AssessmentView.class)))
    @APIResponse(responseCode = "403", description = "Another person's assessment, or (agency) a person or assessment outside the agency's regions",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such assessment",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public AssessmentView find(@PathParam("serialNumber") @Parameter(example = "37010020260115000000042") String serialNumber) {
        return service.find(serialNumber, Caller.of(identity));
    }

    @GET
    @Path("/persons/{personId}/assessments")
    @RolesAllowed({Roles.CONTRIBUTOR, Roles.PROXY, Roles.AGENCY, Roles.OPS})
    @Operation(summary = "A person's assessments, newest first",
            description = "An agency sees persons of the regions it serves, and of them only the assessments made there.")
    @APIResponse(responseCode = "200", description = "Assessments",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AssessmentView[].class)))
    @APIResponse(responseCode = "400", description = "Malformed status filter",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Another person, or (agency) a person outside the agency's regions",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<AssessmentView> ofPerson(@PathParam("personId") @Size(max = 64) @Parameter(example = "p-1001") String personId,
            @QueryParam("status") @Pattern(regexp = "OPEN|PAID|EXPIRED|CANCELLED") @Parameter(example = "OPEN") String status) {
        return service.ofPerson(personId, status, Caller.of(identity));
    }

    @GET
    @Path("/persons/{personId}/back-pay")
    @RolesAllowed({Roles.CONTRIBUTOR, Roles.PROXY, Roles.AGENCY, Roles.OPS})
    @Operation(summary = "Back-pay proposal: the unpaid months of each enrolment",
            description = "Months of the last five years up to today that are neither paid nor held by an open assessment, split "
                    + "into those the contributor may assess himself and those that need an agency assessment, with the rule (R12–R16).")
    @APIResponse(responseCode = "200", description = "The proposal",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BackPayView.class)))
    @APIResponse(responseCode = "403", description = "Another person, or (agency) a person outside the agency's regions",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Not a registered person",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public BackPayView backPay(@PathParam("personId") @Size(max = 64) @Parameter(example = "p-1001") String personId) {
        return service.backPay(personId, Caller.of(identity));
    }

    @POST
    @Path("/assessments/lookup")
    @RolesAllowed({Roles.CONTRIBUTOR, Roles.PROXY, Roles.BANK, Roles.AGENCY, Roles.OPS})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Open assessments by name and ID number",
            description = "Jiangxi's already-assessed path (R14): agency-made assessments are fetched by name and ID number. "
                    + "Reads only; a contributor finds only himself, a proxy only persons on his list, an agency persons of its regions "
                    + "(and only their assessments made there), a bank counter anyone.")
    @APIResponse(responseCode = "200", description = "Open assessments of that person",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AssessmentView[].class)))
    @APIResponse(responseCode = "403", description = "Another person, or (agency) a person outside the agency's regions",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No registered person with this name and ID number",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<AssessmentView> lookup(@Valid @NotNull LookupRequest request) {
        return service.lookup(request.name(), request.idNumber(), Caller.of(identity));
    }

    @POST
    @Path("/assessments/{serialNumber}/cancellation")
    @RolesAllowed({Roles.CONTRIBUTOR, Roles.PROXY, Roles.AGENCY, Roles.OPS})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Cancel an open assessment", description = "It can no longer be paid; emits org.flexsi.assessment.cancelled.v1.")
    @APIResponse(responseCode = "200", description = "Cancelled",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AssessmentView.class)))
    @APIResponse(responseCode = "400", description = "Malformed request or missing Idempotency-Key",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Another person's assessment, or (agency) a person or assessment outside the agency's regions",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such assessment",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Not open any more (paid, expired or cancelled)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Idempotency-Key reused for another request",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response cancel(
            @Parameter(in = ParameterIn.HEADER, name = IdempotencyKeys.HEADER, required = true, example = "cancel-37010020260115000000042")
            @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey,
            @PathParam("serialNumber") @Parameter(example = "37010020260115000000042") String serialNumber,
            @Valid @NotNull CancelRequest request) {
        return service.cancel(serialNumber, request.reason(), Caller.of(identity), idempotencyKey);
    }
}
