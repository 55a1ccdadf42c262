package org.flexsi.payment.refund;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
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
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.flexsi.platform.security.Caller;
import org.flexsi.platform.security.Roles;
import org.flexsi.platform.idempotency.IdempotencyKeys;
import org.flexsi.platform.problem.Problem;

@Path("/api/v1")
@Tag(name = "Refunds", description = "退付 (R25): application, personal confirmation, agency review")
@Produces(MediaType.APPLICATION_JSON)
public class RefundResource {
    private final RefundService refunds;
    private final SecurityIdentity identity;

    public RefundResource(RefundService refunds, SecurityIdentity identity) {
        this.identity = identity;
        this.refunds = refunds;
    }

    @GET
    @Path("/refunds/{refundId}")
    @RolesAllowed({ Roles.CONTRIBUTOR, Roles.PROXY, Roles.OPS })
    @Operation(summary = "Show a refund", description = "To its applicant, the person and ops.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = RefundView.class)))
    @APIResponse(responseCode = "403", description = "Role may not read refunds",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such refund visible to you",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RefundView find(@PathParam("refundId") UUID refundId) {
        return refunds.find(Caller.of(identity), refundId);
    }

    @POST
    @Path("/refunds/{refundId}/personal-application")
    @RolesAllowed(Roles.CONTRIBUTOR)
    @Operation(summary = "The person's own application for a medical refund a proxy applied for (R25)")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = RefundView.class)))
    @APIResponse(responseCode = "403", description = "Contributors only",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such refund for you",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Already decided",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RefundView personalApplication(@PathParam("refundId") UUID refundId) {
        return refunds.personalApplication(Caller.of(identity), refundId);
    }

    @POST
    @Path("/refunds/{refundId}/payout-account")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.CONTRIBUTOR, Roles.PROXY })
    @Operation(summary = "Give another account for a refund whose payout failed",
            description = "For a refund in PAYOUT_FAILED: the bank refused the account (closed, not found), or the money came"
                    + " through a bank counter or debit and there was no account to pay it back to. The applicant or the"
                    + " person gives another account; the refund is PAYING_OUT again and paid by a new transfer. Needs an"
                    + " Idempotency-Key; a retry with the same key and body gets the same answer.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = RefundView.class)))
    @APIResponse(responseCode = "400", description = "Invalid account, bank name or bank code, or no Idempotency-Key",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Contributors and proxies only",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such refund of yours",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The refund's payout has not failed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used for another request",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response newPayoutAccount(@PathParam("refundId") UUID refundId,
            @Parameter(description = "A unique value per intended change", required = true)
            @HeaderParam(IdempotencyKeys.HEADER) String key,
            @Valid @NotNull PayoutAccountRequest account) {
        return refunds.newPayoutAccount(Caller.of(identity), key, refundId, account);
    }

    @GET
    @Path("/agency/refunds")
    @RolesAllowed(Roles.AGENCY)
    @Operation(summary = "Refunds waiting for this agency's review", description = "The agency is the one the token is"
            + " bound to (claim `agency`, a configured agency such as `weifang-pension`): its kind (pension or medical)"
            + " chooses the refunds it reviews, and only refunds of persons in the regions it serves are listed.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = RefundView.class)))
    @APIResponse(responseCode = "400", description = "Unknown state",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Pension and medical agencies only (a tax agency, or a token bound to no"
            + " configured agency, is refused)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<RefundView> forReview(
            @QueryParam("state") @Pattern(regexp = "AWAITING_PERSON|IN_REVIEW|REJECTED|PAYING_OUT|PAYOUT_FAILED|REFUNDED")
            String state) {
        return refunds.forReview(Caller.of(identity), state);
    }

    @POST
    @Path("/agency/refunds/{refundId}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.AGENCY)
    @Operation(summary = "Approve or reject a refund", description = "An approved refund is PAYING_OUT: it is"
            + " transferred to the applicant's account in the background and announced as payment.refunded once the money"
            + " went back. Only the agency of the refund's kind that serves the person's region decides; every decision is"
            + " written to the access audit (`refund-decision`).")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = RefundView.class)))
    @APIResponse(responseCode = "400", description = "Invalid body; a rejection needs a reason",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Pension and medical agencies only, and only for persons of the"
            + " regions the agency serves",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such refund for this agency",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Not waiting for review",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RefundView decide(@PathParam("refundId") UUID refundId, @Valid @NotNull RefundDecisionRequest decision) {
        return refunds.decide(Caller.of(identity), refundId, decision);
    }
}
