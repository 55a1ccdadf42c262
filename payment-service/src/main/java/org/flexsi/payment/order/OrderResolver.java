package org.flexsi.payment.order;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.flexsi.payment.provider.ProviderClient;
import org.flexsi.payment.provider.ProviderClient.OrderState;

/**
 * Asks a provider where an order stands and books the answer (R20). Provider calls happen outside any
 * transaction; each booking is its own short transaction under the usual locks, so a callback arriving
 * at the same moment is harmless.
 */
@ApplicationScoped
public class OrderResolver {
    private final ProviderClient providers;
    private final PaymentBooking booking;
    private final OrderExpiry expiry;
    private final Clock clock;

    public OrderResolver(ProviderClient providers, PaymentBooking booking, OrderExpiry expiry, Clock clock) {
        this.clock = clock;
        this.providers = providers;
        this.booking = booking;
        this.expiry = expiry;
    }

    public void resolve(UUID id) {
        Payment order = QuarkusTransaction.requiringNew().call(() -> Payment.<Payment>findById(id));
        if (order == null || !order.channel.online()) {
            return;
        }
        if (order.status == PaymentStatus.PAYING) {
            resolvePaying(order);
        } else if (order.status == PaymentStatus.EXPIRED && order.closedAt == null) {
            closeAtProvider(order);
        }
    }

    private void resolvePaying(Payment order) {
        Optional<OrderState> state = providers.query(order.channel, order.id);
        if (state.isEmpty()) {
            // the provider never got the order: nobody can pay it, so it only has to run out
            if (clock.instant().isAfter(order.expiresAt)) {
                expireIfStillPaying(order.id, "expired; the provider never knew the order", true);
            }
            return;
        }
        switch (state.get().status()) {
            case "SUCCESS" -> book(order.id, state.get());
            case "FAILED" -> QuarkusTransaction.requiringNew().run(() -> booking.settle(order.id, new PaymentBooking.ChannelReport(
                    Settlement.Report.FAILED, null, state.get().transactionId(), null, "the provider reported the payment failed")));
            case "CLOSED" -> expireIfStillPaying(order.id, "the provider closed the order", true);
            default -> {
                if (clock.instant().isAfter(order.expiresAt)) {
                    closeAndExpire(order);
                }
            }
        }
    }

    /** Close first, then expire: once closed, the QR code can no longer take money. */
    private void closeAndExpire(Payment order) {
        switch (providers.close(order.channel, order.id)) {
            case CLOSED, UNKNOWN_ORDER -> expireIfStillPaying(order.id, "not paid before the order expired", true);
            case ALREADY_PAID -> providers.query(order.channel, order.id).filter(s -> "SUCCESS".equals(s.status()))
                    .ifPresent(s -> book(order.id, s));
        }
    }

    private void closeAtProvider(Payment order) {
        switch (providers.close(order.channel, order.id)) {
            case CLOSED, UNKNOWN_ORDER -> markClosed(order.id);
            case ALREADY_PAID -> {
                // paid in the gap between our expiry and the close: booked, then refunded automatically
                providers.query(order.channel, order.id).filter(s -> "SUCCESS".equals(s.status()))
                        .ifPresent(s -> book(order.id, s));
                markClosed(order.id);
            }
        }
    }

    private void book(UUID id, OrderState state) {
        QuarkusTransaction.requiringNew().run(() -> booking.settle(id, new PaymentBooking.ChannelReport(
                Settlement.Report.SUCCESS, state.amount(), state.transactionId(), state.paidAt(), null)));
    }

    private void expireIfStillPaying(UUID id, String reason, boolean closed) {
        QuarkusTransaction.requiringNew().run(() -> Payment.lock(id).filter(p -> p.status == PaymentStatus.PAYING)
                .ifPresent(p -> {
                    expiry.expire(p, reason);
                    if (closed) {
                        p.closedAt = clock.instant();
                    }
                }));
    }

    private void markClosed(UUID id) {
        QuarkusTransaction.requiringNew().run(() -> Payment.lock(id).ifPresent(p -> p.closedAt = clock.instant()));
    }
}
