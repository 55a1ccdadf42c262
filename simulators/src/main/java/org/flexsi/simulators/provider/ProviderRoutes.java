package org.flexsi.simulators.provider;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.flexsi.simulators.Party;
import org.flexsi.simulators.http.Fields;
import org.flexsi.simulators.http.Json;
import org.flexsi.simulators.http.PartyGuard;
import org.flexsi.simulators.http.Problem;
import org.flexsi.simulators.http.Request;
import org.flexsi.simulators.http.Response;
import org.flexsi.simulators.http.Router;

/** The providers' HTTP API under {@code /providers/{p}}. */
public final class ProviderRoutes {
    private static final int MAX_DESCRIPTION = 128;

    private final PaymentProviders providers;
    private final PartyGuard guard;
    private final String baseUrl;

    public ProviderRoutes(PaymentProviders providers, PartyGuard guard, String baseUrl) {
        this.providers = providers;
        this.guard = guard;
        this.baseUrl = baseUrl;
    }

    public void register(Router router) {
        // literal segments first: "by-merchant" must not be taken for a providerOrderId
        router.on("GET", "/providers/{p}/orders/by-merchant/{merchantOrderId}", this::query)
                .on("POST", "/providers/{p}/orders/by-merchant/{merchantOrderId}/close", this::close)
                .on("POST", "/providers/{p}/orders", this::create)
                .on("POST", "/providers/{p}/orders/{providerOrderId}/pay", this::pay)
                .on("GET", "/providers/{p}/statements/{day}", this::statement)
                .on("POST", "/providers/{p}/refunds", this::refund)
                .on("GET", "/sim/providers/{p}/refunds", this::heldRefunds)
                .on("GET", "/sim/providers/{p}/orders/{merchantOrderId}/trace", this::trace);
    }

    private Response create(Request request) {
        Party provider = signedBy(request);
        Fields body = Fields.of(Json.readObject(request.body()));
        String merchantOrderId = body.identifier("merchantOrderId");
        BigDecimal amount = body.money("amount");
        String description = body.text("description");
        if (description.length() > MAX_DESCRIPTION) {
            throw body.invalid("description", "must not be longer than " + MAX_DESCRIPTION + " characters");
        }
        ProviderOrder order = providers.create(provider, merchantOrderId, amount, description, body.httpUrl("notifyUrl"),
                request.traceparent());
        String payUrl = baseUrl + "/providers/" + provider.id() + "/orders/" + order.providerOrderId() + "/pay";
        return Response.json(201, new OrderCreated(order.providerOrderId(), order.qrCode(), payUrl));
    }

    /** Unsigned: this is the payer (or a test driver) scanning the QR code, not the merchant. */
    private Response pay(Request request) {
        Party provider = provider(request);
        PaymentStatus outcome = PaymentStatus.SUCCESS;
        BigDecimal paidAmount = null;
        if (request.hasBody()) {
            Fields body = Fields.of(Json.readObject(request.body()));
            String outcomeText = body.optionalText("outcome").orElse("SUCCESS");
            outcome = switch (outcomeText) {
                case "SUCCESS" -> PaymentStatus.SUCCESS;
                case "FAILED" -> PaymentStatus.FAILED;
                default -> throw body.invalid("outcome", "must be SUCCESS or FAILED");
            };
            paidAmount = body.optionalMoney("amount").orElse(null);
        }
        ProviderOrder paid = providers.pay(provider, request.param("providerOrderId"), outcome, paidAmount);
        return Response.json(200, PaymentNotice.of(paid));
    }

    private Response query(Request request) {
        Party provider = signedBy(request);
        String merchantOrderId = request.param("merchantOrderId");
        ProviderOrder order = providers.order(provider, merchantOrderId)
                .orElseThrow(() -> Problem.notFound("no " + provider.id() + " order for merchant order " + merchantOrderId));
        return Response.json(200, OrderState.of(order));
    }

    private Response close(Request request) {
        Party provider = signedBy(request);
        return Response.json(200, OrderState.of(providers.close(provider, request.param("merchantOrderId"))));
    }

    private Response refund(Request request) {
        Party provider = signedBy(request);
        Fields body = Fields.of(Json.readObject(request.body()));
        PaymentProviders.RefundResult result = providers.refund(provider, body.identifier("merchantRefundId"),
                body.identifier("merchantOrderId"), body.money("amount"));
        return Response.json(result.created() ? 201 : 200, RefundState.of(result.refund()));
    }

    /** Unsigned inspection for test drivers, like /sim/faults. */
    private Response heldRefunds(Request request) {
        Party provider = provider(request);
        return Response.json(200, java.util.Map.of("refunds", providers.refunds(provider).stream().map(RefundState::of).toList()));
    }

    /** Unsigned inspection for test drivers: the traceparent an order's prepay came with (null when none). */
    private Response trace(Request request) {
        Party provider = provider(request);
        String merchantOrderId = request.param("merchantOrderId");
        if (providers.order(provider, merchantOrderId).isEmpty()) {
            throw Problem.notFound("no " + provider.id() + " order for merchant order " + merchantOrderId);
        }
        java.util.Map<String, Object> body = new java.util.HashMap<>();
        body.put("merchantOrderId", merchantOrderId);
        body.put("traceparent", providers.traceparent(provider, merchantOrderId).orElse(null));
        return Response.json(200, body);
    }

    private Response statement(Request request) {
        Party provider = signedBy(request);
        LocalDate day;
        try {
            day = LocalDate.parse(request.param("day"));
        } catch (DateTimeParseException e) {
            throw Problem.badRequest("statement day must be yyyy-MM-dd");
        }
        StringBuilder csv = new StringBuilder("transactionId,merchantOrderId,amount,status,paidAt\n");
        // identifiers are restricted to [A-Za-z0-9_.-], so no field ever needs CSV quoting
        for (ProviderOrder order : providers.statement(provider, day)) {
            csv.append(order.transactionId()).append(',')
                    .append(order.merchantOrderId()).append(',')
                    .append(order.paidAmount().toPlainString()).append(',')
                    .append(order.status()).append(',')
                    .append(order.paidAt()).append('\n');
        }
        // refunds are rows of their own: the refund id as transaction, the refunded order, status REFUND
        for (ProviderRefund refund : providers.refundStatement(provider, day)) {
            csv.append(refund.refundId()).append(',').append(refund.merchantOrderId()).append(',')
                    .append(refund.amount().toPlainString()).append(",REFUND,").append(refund.refundedAt()).append('\n');
        }
        return Response.text(200, "text/csv; charset=utf-8", csv.toString());
    }

    private Party signedBy(Request request) {
        Party provider = provider(request);
        guard.admitSigned(provider, request);
        return provider;
    }

    private static Party provider(Request request) {
        String id = request.param("p");
        return Party.byId(id, Party.Kind.PROVIDER).orElseThrow(() -> Problem.notFound("no payment provider " + id));
    }

    record RefundState(String merchantRefundId, String merchantOrderId, String refundId, String status, BigDecimal amount,
            Instant refundedAt) {

        static RefundState of(ProviderRefund refund) {
            return new RefundState(refund.merchantRefundId(), refund.merchantOrderId(), refund.refundId(), "SUCCESS",
                    refund.amount(), refund.refundedAt());
        }
    }

    record OrderCreated(String providerOrderId, String qrCode, String payUrl) {
    }

    record OrderState(String merchantOrderId, String providerOrderId, PaymentStatus status, String transactionId,
            BigDecimal amount, Instant paidAt) {

        static OrderState of(ProviderOrder order) {
            return new OrderState(order.merchantOrderId(), order.providerOrderId(), order.status(),
                    order.transactionId(), order.reportedAmount(), order.paidAt());
        }
    }
}
