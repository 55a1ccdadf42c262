package org.flexsi.registration.enrolment;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.flexsi.platform.idempotency.IdempotencyKeys;
import org.flexsi.platform.problem.Problem;
import org.flexsi.platform.security.Caller;
import org.flexsi.platform.security.Roles;
import org.flexsi.registration.person.EnrolmentView;
import org.flexsi.registration.person.PersonAccess;

/** The agencies' lifecycle writes (R4, R5) and the history anyone allowed to see the person may read. */
@Path("/api/v1/persons")
@Tag(name = "Enrolment lifecycle", description = "Enrol, interrupt, continue, suspend, change the medical rate (R4, R5)")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class EnrolmentResource {
    private final EnrolmentService enrolments;
    private final PersonAccess access;
    private final SecurityIdentity identity;

    public EnrolmentResource(EnrolmentService enrolments, PersonAccess access, SecurityIdentity identity) {
        this.enrolments = enrolments;
        this.access = access;
        this.identity = identity;
    }

    @POST
    @Path("/{personId}/enrolments")
    @RolesAllowed(Roles.AGENCY)
    @Operation(summary = "Enrol a registered person in one more insurance", description = "Emits EnrolmentStarted. Idempotency-Key required.")
    @APIResponse(responseCode = "201", description = "Enrolled", content = @Content(schema = @Schema(implementation = EnrolmentView.class)))
    @APIResponse(responseCode = "403", description = "Not an agency, or an agency that does not serve the person's region", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such person", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Already enrolled in this insurance", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "A rule is not met (R2, region insurance, R4 channel)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response enrol(@PathParam("personId") UUID personId, @HeaderParam(IdempotencyKeys.HEADER) String key,
            @Valid @NotNull NewEnrolmentRequest request) {
        IdempotencyKeys.require(key);
        Caller caller = Caller.of(identity);
        access.checkCanChange(caller, personId);
        return enrolments.addOnce(key, personId, request, caller);
    }

    @POST
    @Path("/{personId}/enrolments/{insurance}/interruption")
    @RolesAllowed(Roles.AGENCY)
    @Operation(summary = "Interrupt an active enrolment (减员)", description = "Emits EnrolmentInterrupted. Idempotency-Key required.")
    @APIResponse(responseCode = "200", description = "Interrupted", content = @Content(schema = @Schema(implementation = EnrolmentView.class)))
    @APIResponse(responseCode = "400", description = "Invalid body or insurance", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not an agency, or an agency that does not serve the person's region", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such person", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The enrolment is not active", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Not enrolled, month before the active period, or channel not allowed (R4)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response interrupt(@PathParam("personId") UUID personId, @PathParam("insurance") Insurance insurance,
            @HeaderParam(IdempotencyKeys.HEADER) String key, @Valid @NotNull InterruptionRequest request) {
        IdempotencyKeys.require(key);
        Caller caller = Caller.of(identity);
        access.checkCanChange(caller, personId);
        return enrolments.interruptOnce(key, personId, insurance, request, caller);
    }

    @POST
    @Path("/{personId}/enrolments/{insurance}/continuation")
    @RolesAllowed(Roles.AGENCY)
    @Operation(summary = "Continue an interrupted or suspended enrolment (续保, R4)", description = "Emits EnrolmentContinued. Idempotency-Key required.")
    @APIResponse(responseCode = "200", description = "Active again", content = @Content(schema = @Schema(implementation = EnrolmentView.class)))
    @APIResponse(responseCode = "400", description = "Invalid body, insurance, grade, base or rate", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not an agency, or an agency that does not serve the person's region", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such person", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The enrolment is already active", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Not enrolled, fromMonth not after the last covered month, or channel not allowed (R4)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response continueEnrolment(@PathParam("personId") UUID personId, @PathParam("insurance") Insurance insurance,
            @HeaderParam(IdempotencyKeys.HEADER) String key, @Valid @NotNull ContinuationRequest request) {
        IdempotencyKeys.require(key);
        Caller caller = Caller.of(identity);
        access.checkCanChange(caller, personId);
        return enrolments.continueOnce(key, personId, insurance, request, caller);
    }

    @POST
    @Path("/{personId}/enrolments/{insurance}/suspension")
    @RolesAllowed(Roles.AGENCY)
    @Operation(summary = "Suspend an enrolment (停保, R4): reason and date required", description = "Emits EnrolmentSuspended. Idempotency-Key required.")
    @APIResponse(responseCode = "200", description = "Suspended", content = @Content(schema = @Schema(implementation = EnrolmentView.class)))
    @APIResponse(responseCode = "400", description = "Missing reason or date, invalid insurance", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not an agency, or an agency that does not serve the person's region", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such person", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Already suspended", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Not enrolled, date before the active period, or channel not allowed (R4)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response suspend(@PathParam("personId") UUID personId, @PathParam("insurance") Insurance insurance,
            @HeaderParam(IdempotencyKeys.HEADER) String key, @Valid @NotNull SuspensionRequest request) {
        IdempotencyKeys.require(key);
        Caller caller = Caller.of(identity);
        access.checkCanChange(caller, personId);
        return enrolments.suspendOnce(key, personId, insurance, request, caller);
    }

    @POST
    @Path("/{personId}/medical-rate-change")
    @RolesAllowed(Roles.AGENCY)
    @Operation(summary = "Change the medical rate (R5): interrupt the old account and re-enrol at the new rate in one step",
            description = "As the Weifang guide has it: 减员 (the old medical enrolment is interrupted after the month before"
                    + " effectiveMonth, or after the last month already paid at the old rate if that is later) then 增员 (a new"
                    + " medical enrolment at the new rate from the month after). Both are in the history; emits"
                    + " EnrolmentInterrupted, EnrolmentStarted and (for older consumers) MedicalRateChanged. Either both steps"
                    + " happen or neither. Idempotency-Key required.")
    @APIResponse(responseCode = "200", description = "The new medical enrolment at its new rate", content = @Content(schema = @Schema(implementation = EnrolmentView.class)))
    @APIResponse(responseCode = "400", description = "Invalid body, or a rate or plan the region does not offer", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not an agency, or an agency that does not serve the person's region", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such person", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Medical enrolment not active", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Not enrolled in medical, same rate, month before the active period, or channel not allowed", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response changeMedicalRate(@PathParam("personId") UUID personId, @HeaderParam(IdempotencyKeys.HEADER) String key,
            @Valid @NotNull MedicalRateChangeRequest request) {
        IdempotencyKeys.require(key);
        Caller caller = Caller.of(identity);
        access.checkCanChange(caller, personId);
        return enrolments.changeRateOnce(key, personId, request, caller);
    }

    @GET
    @Path("/{personId}/history")
    @RolesAllowed({Roles.AGENCY, Roles.OPS, Roles.CONTRIBUTOR, Roles.PROXY})
    @Operation(summary = "Every change of the person's enrolments: what, who, when, why")
    @APIResponse(responseCode = "200", description = "Oldest first", content = @Content(schema = @Schema(implementation = ChangeView.class, type = SchemaType.ARRAY)))
    @APIResponse(responseCode = "400", description = "The person id is not a UUID", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Another person's history: an agency outside the person's region, another contributor, a proxy without a confirmed link", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such person", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<ChangeView> history(@PathParam("personId") UUID personId) {
        access.checkCanRead(Caller.of(identity), personId);
        return enrolments.history(personId);
    }
}
