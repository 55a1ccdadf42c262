package org.flexsi.payment.order;

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
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.flexsi.platform.security.Caller;
import org.flexsi.platform.security.Roles;
import org.flexsi.payment.refund.RefundApplicationRequest;
import org.flexsi.payment.refund.RefundService;
import org.flexsi.payment.refund.RefundView;
import org.flexsi.platform.idempotency.IdempotencyKeys;
import org.flexsi.platform.problem.Problem;

@Path("/api/v1/payments")
@Tag(name = "Payments", description = "Online payment orders for assessments (R18, R20, R21)")
@Produces(MediaType.APPLICATION_JSON)
public class PaymentResource {
    private final PaymentService payments;
    private final RefundService refunds;
    private final SecurityIdentity identity;

    public PaymentResource(PaymentService payments, RefundService refunds, SecurityIdentity identity) {
        this.identity = identity;
        this.payments = payments;
        this.refunds = refunds;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.CONTRIBUTOR, Roles.PROXY })
    @Operation(summary = "Create a payment order for an assessment",
            description = "Amount, lines and months come from the assessment. One live order per assessment. "
                    + "A contributor pays his own assessments, a proxy those of persons on his list.")
    @APIResponse(responseCode = "201", description = "Order created at the provider; pay by QR code or payUrl",
            content = @Content(schema = @Schema(implementation = PaymentView.class)))
    @APIResponse(responseCode = "400", description = "Invalid body or missing Idempotency-Key",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not your assessment, or not on your proxy list",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such assessment",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Already paid, or another order for it is being paid",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Assessment cancelled or expired; Idempotency-Key reused for another body",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The provider cannot take orders; retry with the same key",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(@HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey, @Valid @NotNull NewPayment request) {
        return payments.create(Caller.of(identity), idempotencyKey, request);
    }

    @GET
    @Path("/{paymentId}")
    @RolesAllowed({ Roles.CONTRIBUTOR, Roles.PROXY, Roles.OPS })
    @Operation(summary = "Show a payment order", description = "Visible to its payer, the person paid for, and ops.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = PaymentView.class)))
    @APIResponse(responseCode = "400", description = "paymentId is not a UUID",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Role may not read payments",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such payment visible to you",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PaymentView find(@PathParam("paymentId") UUID paymentId) {
        return payments.find(Caller.of(identity), paymentId);
    }

    @GET
    @RolesAllowed({ Roles.CONTRIBUTOR, Roles.PROXY, Roles.OPS })
    @Operation(summary = "List payments", description = "A contributor sees payments for him or by him, a proxy those he "
            + "made, ops all; newest first, at most 100.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = PaymentView.class)))
    @APIResponse(responseCode = "400", description = "Unknown status or channel",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Role may not read payments",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<PaymentView> list(@QueryParam("personId") @Size(max = 64) String personId,
            @QueryParam("status") @Pattern(regexp = "PAYING|PAID|FAILED|EXPIRED|HELD|REFUNDED|REVERSED") String status,
            @QueryParam("channel") @Pattern(regexp = "WECHAT|ALIPAY|UNIONPAY|BANK_COUNTER|BANK_DEBIT") String channel) {
        return payments.list(Caller.of(identity), personId, status, channel);
    }

    @POST
    @Path("/{paymentId}/status-check")
    @RolesAllowed({ Roles.CONTRIBUTOR, Roles.PROXY, Roles.OPS })
    @Operation(summary = "Ask the provider where a PAYING order stands (R20)",
            description = "Resolves the order to PAID, FAILED or EXPIRED when the provider knows; otherwise it stays PAYING.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = PaymentView.class)))
    @APIResponse(responseCode = "400", description = "paymentId is not a UUID",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Role may not check payments",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such payment visible to you",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The provider does not answer; retry later",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PaymentView statusCheck(@PathParam("paymentId") UUID paymentId) {
        return payments.statusCheck(Caller.of(identity), paymentId);
    }

    @POST
    @Path("/{paymentId}/refunds")
    @Tag(name = "Refunds")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.CONTRIBUTOR, Roles.PROXY })
    @Operation(summary = "Apply for a refund of (part of) a paid payment",
            description = "By the person or the proxy who paid. Goes to the pension or the medical agency for review.")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = RefundView.class)))
    @APIResponse(responseCode = "400", description = "Invalid body (account number, 12-digit bank code) or missing Idempotency-Key",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Role may not apply",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such payment of yours",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The payment is not (or no longer) paid",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "More than was paid for a line, unknown line, two agencies, parts split (R9)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response apply(@PathParam("paymentId") UUID paymentId, @HeaderParam(IdempotencyKeys.HEADER) String key,
            @Valid @NotNull RefundApplicationRequest application) {
        return refunds.apply(Caller.of(identity), key, paymentId, application);
    }

}
