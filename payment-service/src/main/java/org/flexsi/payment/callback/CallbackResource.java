package org.flexsi.payment.callback;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.flexsi.platform.problem.Problem;

/** Public, but only a provider can sign: the HMAC signature is the authentication. */
@Path("/api/v1/callbacks/providers/{provider}")
@Tag(name = "Provider callbacks", description = "Payment notifications from WeChat Pay, Alipay and UnionPay")
public class CallbackResource {
    private final CallbackService callbacks;

    public CallbackResource(CallbackService callbacks) {
        this.callbacks = callbacks;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Receive a provider's signed payment notification",
            description = "Signed with the provider's HMAC secret (X-Flexsi-* headers). Books the order once; repeated "
                    + "or out-of-order notifications are acknowledged and change nothing. An amount that differs from "
                    + "the order's holds the order for ops.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProviderNoticeRequest.class)))
    @APIResponse(responseCode = "200", description = "Received",
            content = @Content(schema = @Schema(implementation = CallbackService.Acknowledged.class)))
    @APIResponse(responseCode = "400", description = "Not a valid notification",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "Missing or bad signature, stale timestamp or reused nonce; nothing changed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Unknown provider or order",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public CallbackService.Acknowledged receive(@PathParam("provider") String provider, byte[] body,
            @Context HttpHeaders headers, @Context UriInfo uri) {
        return callbacks.receive(provider, uri.getRequestUri().getRawPath(), headers, body == null ? new byte[0] : body);
    }
}
