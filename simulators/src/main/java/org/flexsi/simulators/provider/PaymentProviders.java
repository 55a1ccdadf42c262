package org.flexsi.simulators.provider;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.flexsi.simulators.Party;
import org.flexsi.simulators.TransactionIds;
import org.flexsi.simulators.callback.CallbackSender;
import org.flexsi.simulators.fault.FaultMode;
import org.flexsi.simulators.fault.Faults;
import org.flexsi.simulators.http.Problem;

/** The orders held by WeChat Pay, Alipay and UnionPay, and what happens when a payer pays one. */
public final class PaymentProviders {
    /** The providers cut their statements by Beijing business day. */
    static final ZoneId STATEMENT_ZONE = ZoneId.of("Asia/Shanghai");

    private final Map<Party, Book> books = new EnumMap<>(Party.class);
    /** A stale notice sent under a failed-after-success fault follows the real one after this. */
    private static final Duration STALE_NOTICE_AFTER = Duration.ofSeconds(1);
    private final CallbackSender callbacks;
    private final Faults faults;

    public PaymentProviders(CallbackSender callbacks, Faults faults) {
        this.callbacks = callbacks;
        this.faults = faults;
        for (Party party : Party.values()) {
            if (party.isProvider()) {
                books.put(party, new Book(party));
            }
        }
    }

    /**
     * Creates the order, or returns the existing one when the merchant resends the same order (it may
     * not have seen the first answer). A resend that changes the order is a merchant bug: 409.
     */
    ProviderOrder create(Party provider, String merchantOrderId, BigDecimal amount, String description,
            URI notifyUrl, String traceparent) {
        Book book = book(provider);
        ProviderOrder order = book.byMerchant.compute(merchantOrderId, (id, existing) -> {
            if (existing == null) {
                return book.newOrder(merchantOrderId, amount, description, notifyUrl);
            }
            if (existing.status() == PaymentStatus.CLOSED) {
                throw Problem.conflict("order " + merchantOrderId + " is closed");
            }
            if (existing.amount().compareTo(amount) != 0) {
                throw Problem.conflict("order " + merchantOrderId + " exists with amount " + existing.amount());
            }
            if (!Objects.equals(existing.description(), description) || !existing.notifyUrl().equals(notifyUrl)) {
                throw Problem.conflict("order " + merchantOrderId + " exists with another description or notifyUrl");
            }
            return existing;
        });
        book.merchantIdByProviderId.putIfAbsent(order.providerOrderId(), merchantOrderId);
        if (traceparent != null) {
            // the first prepay's trace: a resend of the same order does not move the callback to another trace
            book.traceparents.putIfAbsent(merchantOrderId, traceparent);
        }
        return order;
    }

    /**
     * What the payer does after scanning the QR code. The notification to the merchant goes out in the
     * background, as with a real provider, so the payer's answer never waits for flexsi.
     *
     * @param paidAmount what the payer paid, or null for the order amount
     */
    public ProviderOrder pay(Party provider, String providerOrderId, PaymentStatus outcome, BigDecimal paidAmount) {
        if (outcome != PaymentStatus.SUCCESS && outcome != PaymentStatus.FAILED) {
            throw new IllegalArgumentException("a payment ends in SUCCESS or FAILED, not " + outcome);
        }
        Book book = book(provider);
        String merchantOrderId = book.merchantIdByProviderId.get(providerOrderId);
        if (merchantOrderId == null) {
            throw Problem.notFound("no " + provider.id() + " order " + providerOrderId);
        }
        ProviderOrder settled = book.byMerchant.computeIfPresent(merchantOrderId, (id, order) -> {
            if (order.status() != PaymentStatus.NOTPAY) {
                throw Problem.conflict("order " + providerOrderId + " is already " + order.status());
            }
            return order.settled(outcome, book.nextTransactionId(),
                    paidAmount != null ? paidAmount : order.amount(), Instant.now().truncatedTo(ChronoUnit.MILLIS));
        });
        PaymentNotice notice = PaymentNotice.of(settled);
        callbacks.send(provider, merchantOrderId, settled.notifyUrl(), notice, book.traceparents.get(merchantOrderId));
        if (outcome == PaymentStatus.SUCCESS && faults.use(provider, FaultMode.FAILED_AFTER_SUCCESS).isPresent()) {
            // out of order: a stale FAILED notice for the same order arrives after the SUCCESS one
            callbacks.send(provider, merchantOrderId, settled.notifyUrl(), notice.withStatus(PaymentStatus.FAILED),
                    book.traceparents.get(merchantOrderId), STALE_NOTICE_AFTER);
        }
        return settled;
    }

    public ProviderOrder pay(Party provider, String providerOrderId) {
        return pay(provider, providerOrderId, PaymentStatus.SUCCESS, null);
    }

    /** Closing is how a merchant makes sure an abandoned QR code can no longer be paid. */
    ProviderOrder close(Party provider, String merchantOrderId) {
        ProviderOrder closed = book(provider).byMerchant.computeIfPresent(merchantOrderId, (id, order) -> {
            if (order.status() == PaymentStatus.SUCCESS) {
                throw Problem.conflict("order " + merchantOrderId + " is already paid");
            }
            return order.closed();
        });
        if (closed == null) {
            throw Problem.notFound("no " + provider.id() + " order for merchant order " + merchantOrderId);
        }
        return closed;
    }

    /**
     * Gives back part or all of a successful order, never more than was paid minus what was already given back
     * (409). A resent refund gets the first answer; a resend that changes it is a 409.
     */
    RefundResult refund(Party provider, String merchantRefundId, String merchantOrderId, BigDecimal amount) {
        Book book = book(provider);
        synchronized (book) {
            ProviderRefund earlier = book.refunds.get(merchantRefundId);
            if (earlier != null) {
                if (!earlier.merchantOrderId().equals(merchantOrderId) || earlier.amount().compareTo(amount) != 0) {
                    throw Problem.conflict("refund " + merchantRefundId + " exists for order " + earlier.merchantOrderId()
                            + " with amount " + earlier.amount());
                }
                return new RefundResult(earlier, false);
            }
            ProviderOrder order = book.byMerchant.get(merchantOrderId);
            if (order == null) {
                throw Problem.notFound("no " + provider.id() + " order for merchant order " + merchantOrderId);
            }
            if (order.status() != PaymentStatus.SUCCESS) {
                throw Problem.conflict("order " + merchantOrderId + " is " + order.status() + "; only a paid order is refunded");
            }
            BigDecimal refunded = book.refunds.values().stream().filter(r -> r.merchantOrderId().equals(merchantOrderId))
                    .map(ProviderRefund::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal left = order.paidAmount().subtract(refunded);
            if (amount.compareTo(left) > 0) {
                throw Problem.conflict("order " + merchantOrderId + " has only " + left.toPlainString() + " left to refund");
            }
            ProviderRefund refund = new ProviderRefund(merchantRefundId, merchantOrderId, book.nextRefundId(), amount,
                    Instant.now().truncatedTo(ChronoUnit.MILLIS));
            book.refunds.put(merchantRefundId, refund);
            return new RefundResult(refund, true);
        }
    }

    record RefundResult(ProviderRefund refund, boolean created) {
    }

    public List<ProviderRefund> refunds(Party provider) {
        return book(provider).refunds.values().stream().sorted(Comparator.comparing(ProviderRefund::refundedAt)).toList();
    }

    /** The refunds of one Beijing business day, in refund order. */
    public List<ProviderRefund> refundStatement(Party provider, LocalDate day) {
        return refunds(provider).stream().filter(r -> r.refundedAt().atZone(STATEMENT_ZONE).toLocalDate().equals(day)).toList();
    }

    /** The W3C traceparent the order's prepay came with, which its callback carries back; empty when it had none. */
    public Optional<String> traceparent(Party provider, String merchantOrderId) {
        return Optional.ofNullable(book(provider).traceparents.get(merchantOrderId));
    }

    public Optional<ProviderOrder> order(Party provider, String merchantOrderId) {
        return Optional.ofNullable(book(provider).byMerchant.get(merchantOrderId));
    }

    public List<ProviderOrder> orders(Party provider) {
        return List.copyOf(book(provider).byMerchant.values());
    }

    /** The successful payments of one Beijing business day, in payment order. */
    public List<ProviderOrder> statement(Party provider, LocalDate day) {
        return book(provider).byMerchant.values().stream()
                .filter(o -> o.status() == PaymentStatus.SUCCESS)
                .filter(o -> o.paidAt().atZone(STATEMENT_ZONE).toLocalDate().equals(day))
                .sorted(Comparator.comparing(ProviderOrder::paidAt).thenComparing(ProviderOrder::transactionId))
                .toList();
    }

    private Book book(Party provider) {
        Book book = books.get(provider);
        if (book == null) {
            throw new IllegalArgumentException(provider.id() + " is not a payment provider");
        }
        return book;
    }

    /** One provider's orders, by the merchant's id and by its own. */
    private static final class Book {
        private final Party provider;
        private final Map<String, ProviderOrder> byMerchant = new ConcurrentHashMap<>();
        private final Map<String, String> merchantIdByProviderId = new ConcurrentHashMap<>();
        private final Map<String, ProviderRefund> refunds = new ConcurrentHashMap<>();
        /** By merchant order id: the traceparent its prepay arrived with. */
        private final Map<String, String> traceparents = new ConcurrentHashMap<>();
        /** Unique across restarts: orders, transactions and refunds are numbered within a run of this simulator. */
        private final TransactionIds ids;

        Book(Party provider) {
            this.provider = provider;
            this.ids = new TransactionIds(prefix());
        }

        ProviderOrder newOrder(String merchantOrderId, BigDecimal amount, String description, URI notifyUrl) {
            String providerOrderId = ids.next("order");
            return new ProviderOrder(provider, merchantOrderId, providerOrderId, amount, description, notifyUrl,
                    qrCode(), PaymentStatus.NOTPAY, null, null, null);
        }

        String nextTransactionId() {
            return ids.next("tx");
        }

        String nextRefundId() {
            return ids.next("rf");
        }

        private String prefix() {
            return switch (provider) {
                case WECHAT -> "wx";
                case ALIPAY -> "ali";
                case UNIONPAY -> "up";
                default -> throw new IllegalStateException(provider.id());
            };
        }

        /** Looks like what each provider's app expects to scan; the token itself means nothing. */
        private String qrCode() {
            String token = UUID.randomUUID().toString().replace("-", "").substring(0, 16);
            return switch (provider) {
                case WECHAT -> "weixin://wxpay/bizpayurl?pr=" + token;
                case ALIPAY -> "https://qr.alipay.com/" + token;
                case UNIONPAY -> "https://qr.95516.com/00010000/" + token;
                default -> throw new IllegalStateException(provider.id());
            };
        }
    }
}
