package org.flexsi.payment.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.flexsi.contracts.Money;
import org.flexsi.payment.config.OutsideParties;
import org.flexsi.payment.config.PaymentConfig;
import org.flexsi.payment.order.Channel;
import org.flexsi.payment.signature.SignedCalls;

/** The online providers' merchant API (WeChat Pay, Alipay, UnionPay), every request signed with the provider's secret. */
@ApplicationScoped
public class ProviderClient {
    private final PaymentConfig config;
    private final OutsideParties.Simulators simulators;
    private final OutsideParties.ProviderSecrets secrets;
    private final ObjectMapper mapper;
    private final SignedCalls calls;

    public ProviderClient(PaymentConfig config, OutsideParties.Simulators simulators, OutsideParties.ProviderSecrets secrets,
            ObjectMapper mapper, SignedCalls calls) {
        this.config = config;
        this.simulators = simulators;
        this.secrets = secrets;
        this.mapper = mapper;
        this.calls = calls;
    }

    public record CreatedOrder(String providerOrderId, String qrCode, String payUrl) {
    }

    /** What the provider knows of an order: status NOTPAY, SUCCESS, FAILED or CLOSED. */
    public record OrderState(String status, String transactionId, BigDecimal amount, Instant paidAt) {
    }

    public record StatementLine(String transactionId, String merchantOrderId, BigDecimal amount, String status, Instant paidAt) {
    }

    public enum CloseOutcome { CLOSED, ALREADY_PAID, UNKNOWN_ORDER }

    /** Either the provider paid the money back ({@code refundId}) or it refused for good ({@code refusal}). */
    public record RefundOutcome(String refundId, String refusal) {
    }

    public CreatedOrder create(Channel channel, UUID merchantOrderId, BigDecimal amount, String description, String notifyUrl) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("merchantOrderId", merchantOrderId.toString());
        body.put("amount", Money.text(amount));
        body.put("description", description);
        body.put("notifyUrl", notifyUrl);
        HttpResponse<String> response = send(channel, "POST", "/orders", json(body));
        expect(response, 201, channel);
        JsonNode node = parse(response, channel);
        return new CreatedOrder(node.path("providerOrderId").asText(), node.path("qrCode").asText(), node.path("payUrl").asText());
    }

    public Optional<OrderState> query(Channel channel, UUID merchantOrderId) {
        HttpResponse<String> response = send(channel, "GET", "/orders/by-merchant/" + merchantOrderId, null);
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        expect(response, 200, channel);
        JsonNode node = parse(response, channel);
        return Optional.of(new OrderState(node.path("status").asText(), textOrNull(node, "transactionId"),
                Money.parseOrNull(textOrNull(node, "amount")),
                textOrNull(node, "paidAt") == null ? null : Instant.parse(node.get("paidAt").asText())));
    }

    public CloseOutcome close(Channel channel, UUID merchantOrderId) {
        HttpResponse<String> response = send(channel, "POST", "/orders/by-merchant/" + merchantOrderId + "/close", new byte[0]);
        return switch (response.statusCode()) {
            case 200 -> CloseOutcome.CLOSED;
            case 409 -> CloseOutcome.ALREADY_PAID;
            case 404 -> CloseOutcome.UNKNOWN_ORDER;
            default -> throw unavailable(channel, response);
        };
    }

    /**
     * Pays (part of) a paid order back to the payer. Idempotent by {@code merchantRefundId}: a resend after a lost
     * answer gets the first answer. Refused for good (409/404): more than is left of the order, an order not paid,
     * an unknown order.
     */
    public RefundOutcome refund(Channel channel, UUID merchantRefundId, UUID merchantOrderId, BigDecimal amount) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("merchantRefundId", merchantRefundId.toString());
        body.put("merchantOrderId", merchantOrderId.toString());
        body.put("amount", Money.text(amount));
        HttpResponse<String> response = send(channel, "POST", "/refunds", json(body));
        return switch (response.statusCode()) {
            case 200, 201 -> new RefundOutcome(parse(response, channel).path("refundId").asText(), null);
            case 404, 409 -> new RefundOutcome(null, channel.providerId() + " refused the refund: "
                    + SignedCalls.excerpt(response));
            default -> throw unavailable(channel, response);
        };
    }

    /** The provider's statement of one Beijing business day: its successful payments. */
    public List<StatementLine> statement(Channel channel, LocalDate day) {
        HttpResponse<String> response = send(channel, "GET", "/statements/" + day, null);
        expect(response, 200, channel);
        List<StatementLine> lines = new ArrayList<>();
        for (String row : response.body().split("\n")) {
            if (row.isBlank() || row.startsWith("transactionId,")) {
                continue;
            }
            String[] cells = row.strip().split(",", -1);
            if (cells.length != 5) {
                throw new ProviderUnavailableException(channel + " statement has a malformed row");
            }
            lines.add(new StatementLine(cells[0], cells[1], Money.parseOrNull(cells[2]), cells[3], Instant.parse(cells[4])));
        }
        return lines;
    }

    private HttpResponse<String> send(Channel channel, String method, String relativePath, byte[] body) {
        URI uri = URI.create(simulators.url() + "/providers/" + channel.providerId() + relativePath);
        try {
            return calls.send(secret(channel), method, uri, body, config.orders().providerTimeout());
        } catch (IOException e) {
            throw new ProviderUnavailableException(channel.providerId() + " did not answer: " + e.getMessage(), e);
        }
    }

    public String secret(Channel channel) {
        return switch (channel) {
            case WECHAT -> secrets.wechat();
            case ALIPAY -> secrets.alipay();
            case UNIONPAY -> secrets.unionpay();
            default -> throw new IllegalArgumentException(channel + " is not a provider");
        };
    }

    private byte[] json(Object body) {
        try {
            return mapper.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode parse(HttpResponse<String> response, Channel channel) {
        try {
            return mapper.readTree(response.body());
        } catch (IOException e) {
            throw new ProviderUnavailableException(channel + " answered something that is not JSON", e);
        }
    }

    private static void expect(HttpResponse<String> response, int status, Channel channel) {
        if (response.statusCode() != status) {
            throw unavailable(channel, response);
        }
    }

    private static ProviderUnavailableException unavailable(Channel channel, HttpResponse<String> response) {
        return new ProviderUnavailableException(channel.providerId() + " answered " + SignedCalls.excerpt(response));
    }

    private static String textOrNull(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
