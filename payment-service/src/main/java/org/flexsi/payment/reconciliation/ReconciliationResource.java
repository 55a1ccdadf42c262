package org.flexsi.payment.reconciliation;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.flexsi.platform.security.Roles;
import org.flexsi.payment.order.Channel;
import org.flexsi.platform.problem.Problem;
import org.flexsi.platform.problem.ProblemException;

@Path("/api/v1/ops/reconciliations")
@Tag(name = "Ops")
@RolesAllowed(Roles.OPS)
@Produces(MediaType.APPLICATION_JSON)
public class ReconciliationResource {
    private final ReconciliationService reconciliation;

    public ReconciliationResource(ReconciliationService reconciliation) {
        this.reconciliation = reconciliation;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Reconcile one provider's or one bank's statement of a day", description = "Also runs every morning "
            + "for yesterday, for every provider and every cooperating bank. A bank's statement (channel BANK_DEBIT with bankId) "
            + "is matched on its DEBIT lines against the batch debits booked that day; its TRANSFER lines (refund payouts) are "
            + "not matched. Lost callbacks and lost result lines are booked; differences become ops issues (each reported "
            + "once). Safe to rerun.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ReconciliationRunView.class)))
    @APIResponse(responseCode = "400", description = "Invalid body; bankId missing with BANK_DEBIT or given with a provider",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Ops only",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Not a cooperating bank",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The provider's or bank's statement is not available; retry later",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ReconciliationRunView run(@Valid @NotNull ReconciliationRequest request) {
        LocalDate day;
        try {
            day = LocalDate.parse(request.day());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid("day", "is not a calendar date");
        }
        Channel channel = Channel.valueOf(request.channel());
        if (channel == Channel.BANK_DEBIT) {
            if (request.bankId() == null) {
                throw ProblemException.invalid("bankId", "is required with BANK_DEBIT");
            }
            return reconciliation.runBank(request.bankId(), day);
        }
        if (request.bankId() != null) {
            throw ProblemException.invalid("bankId", "only applies to BANK_DEBIT");
        }
        return reconciliation.run(channel, day);
    }
}
