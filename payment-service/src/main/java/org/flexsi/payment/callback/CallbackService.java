package org.flexsi.payment.callback;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import org.flexsi.contracts.Money;
import org.flexsi.payment.order.Channel;
import org.flexsi.payment.order.Payment;
import org.flexsi.payment.order.PaymentBooking;
import org.flexsi.payment.order.Settlement;
import org.flexsi.payment.provider.ProviderClient;
import org.flexsi.payment.signature.SignedRequests;
import org.flexsi.platform.problem.ProblemException;

/**
 * A provider's payment notification: verified, then booked once. Repeats and late or out-of-order
 * notifications are acknowledged (so the provider stops retrying) and change nothing they must not.
 */
@ApplicationScoped
public class CallbackService {
    private final SignedRequests signatures;
    private final ProviderClient providers;
    private final PaymentBooking booking;
    private final ObjectMapper mapper;

    public CallbackService(SignedRequests signatures, ProviderClient providers, PaymentBooking booking, ObjectMapper mapper) {
        this.signatures = signatures;
        this.providers = providers;
        this.booking = booking;
        this.mapper = mapper;
    }

    public record Acknowledged(String paymentId, String status) {
    }

    public Acknowledged receive(String providerId, String rawPath, HttpHeaders headers, byte[] body) {
        Channel channel = Channel.byProviderId(providerId)
                .orElseThrow(() -> ProblemException.notFound("no payment provider " + providerId));
        signatures.verify(providerId, providers.secret(channel), "POST", rawPath, headers, body);
        Notice notice = Notice.parse(read(body));
        UUID paymentId = notice.paymentId()
                .orElseThrow(() -> ProblemException.notFound("no order " + notice.merchantOrderId()));
        return QuarkusTransaction.requiringNew().call(() -> {
            Payment payment = Payment.findById(paymentId);
            if (payment == null || payment.channel != channel) {
                throw ProblemException.notFound("no " + providerId + " order " + notice.merchantOrderId());
            }
            PaymentBooking.Booked booked = booking.settle(paymentId, new PaymentBooking.ChannelReport(notice.outcome(),
                    notice.amount(), notice.transactionId(), notice.paidAt(),
                    notice.outcome() == Settlement.Report.FAILED ? "the provider reported the payment failed" : null));
            return new Acknowledged(paymentId.toString(), booked.payment().status.name());
        });
    }

    private JsonNode read(byte[] body) {
        try {
            JsonNode node = mapper.readTree(body);
            if (node == null || !node.isObject()) {
                throw ProblemException.invalid("body", "must be a JSON object");
            }
            return node;
        } catch (IOException e) {
            throw ProblemException.invalid("body", "is not valid JSON");
        }
    }

    record Notice(String merchantOrderId, String transactionId, BigDecimal amount, Settlement.Report outcome, Instant paidAt) {
        static Notice parse(JsonNode node) {
            String merchantOrderId = text(node, "merchantOrderId");
            if (merchantOrderId == null) {
                throw ProblemException.invalid("merchantOrderId", "is required");
            }
            String status = text(node, "status");
            Settlement.Report outcome;
            if ("SUCCESS".equals(status)) {
                outcome = Settlement.Report.SUCCESS;
            } else if ("FAILED".equals(status)) {
                outcome = Settlement.Report.FAILED;
            } else {
                throw ProblemException.invalid("status", "must be SUCCESS or FAILED");
            }
            BigDecimal amount = Money.parseOrNull(text(node, "amount"));
            if (amount == null) {
                throw ProblemException.invalid("amount", "must be a decimal string with two places");
            }
            String transactionId = text(node, "transactionId");
            if (outcome == Settlement.Report.SUCCESS && transactionId == null) {
                throw ProblemException.invalid("transactionId", "is required for a successful payment");
            }
            Instant paidAt = null;
            if (text(node, "paidAt") != null) {
                try {
                    paidAt = Instant.parse(text(node, "paidAt"));
                } catch (DateTimeParseException e) {
                    throw ProblemException.invalid("paidAt", "must be an ISO-8601 instant");
                }
            }
            return new Notice(merchantOrderId, transactionId, amount, outcome, paidAt);
        }

        java.util.Optional<UUID> paymentId() {
            try {
                return java.util.Optional.of(UUID.fromString(merchantOrderId));
            } catch (IllegalArgumentException e) {
                return java.util.Optional.empty();
            }
        }

        private static String text(JsonNode node, String field) {
            JsonNode value = node.get(field);
            return value == null || value.isNull() || !value.isTextual() || value.textValue().isBlank() ? null : value.textValue();
        }
    }
}
