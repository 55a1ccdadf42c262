package org.flexsi.payment.order;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.flexsi.payment.assessment.Assessment;
import org.flexsi.platform.security.Caller;
import org.flexsi.platform.security.Roles;
import org.flexsi.payment.config.OutsideParties;
import org.flexsi.payment.config.PaymentConfig;
import org.flexsi.payment.person.Persons;
import org.flexsi.payment.provider.ProviderClient;
import org.flexsi.payment.provider.ProviderUnavailableException;
import org.flexsi.platform.calendar.CalendarService;
import org.flexsi.platform.idempotency.IdempotencyKeys;
import org.flexsi.platform.problem.ProblemException;

/** Online payment orders: create one for an assessment, show it, ask the provider where it stands (R20). */
@ApplicationScoped
@Transactional
public class PaymentService {
    private static final int PAGE = 100;

    private final IdempotencyKeys idempotency;
    private final Persons persons;
    private final ProviderClient providers;
    private final OrderResolver resolver;
    private final OrderExpiry expiry;
    private final PaymentConfig config;
    private final OutsideParties.Self self;
    private final CalendarService calendars;
    private final Clock clock;

    public PaymentService(IdempotencyKeys idempotency, Persons persons, ProviderClient providers, OrderResolver resolver,
            OrderExpiry expiry, PaymentConfig config, OutsideParties.Self self, CalendarService calendars, Clock clock) {
        this.self = self;
        this.calendars = calendars;
        this.clock = clock;
        this.idempotency = idempotency;
        this.persons = persons;
        this.providers = providers;
        this.resolver = resolver;
        this.expiry = expiry;
        this.config = config;
    }

    /**
     * Three steps, so that no row lock or pooled connection is held while the provider answers (up to its timeout):
     * the order is decided and stored as PAYING with no provider order yet, under the assessment's lock (one live
     * order per assessment, also held by {@code payment_one_live}); the provider is asked with no transaction open;
     * its answer completes the order and is stored as the idempotent answer.
     */
    @Transactional(Transactional.TxType.NEVER)
    public Response create(Caller caller, String idempotencyKey, NewPayment request) {
        IdempotencyKeys.require(idempotencyKey);
        String scope = "payments:" + caller.subject();
        Reserved reserved = QuarkusTransaction.requiringNew().call(() -> idempotency.stored(scope, idempotencyKey, request)
                .map(replay -> new Reserved(replay, null)).orElseGet(() -> new Reserved(null, reserve(caller, request))));
        if (reserved.replay() != null) {
            return reserved.replay();
        }
        Payment order = reserved.order();
        ProviderClient.CreatedOrder created;
        try {
            created = providers.create(order.channel, order.id, order.amount,
                    "flexsi social insurance " + order.assessmentSerial,
                    self.url() + "/api/v1/callbacks/providers/" + order.channel.providerId());
        } catch (ProviderUnavailableException e) {
            // nothing is kept: the client may retry with the same Idempotency-Key
            QuarkusTransaction.requiringNew().run(() -> Payment.delete("id = ?1 and status = ?2 and providerOrderId is null",
                    order.id, PaymentStatus.PAYING));
            throw unavailable(order.channel);
        }
        return QuarkusTransaction.requiringNew().call(() -> idempotency.once(scope, idempotencyKey, request, 201,
                () -> complete(order.id, created)));
    }

    /** Either the answer to an earlier request with the key, or the order this request stored. */
    private record Reserved(Response replay, Payment order) {
    }

    private Payment reserve(Caller caller, NewPayment request) {
        // the lock serialises concurrent orders for one assessment: the second sees the first one's live order
        Assessment assessment = Assessment.lock(request.assessmentSerial())
                .orElseThrow(() -> ProblemException.notFound("no assessment " + request.assessmentSerial()));
        mayPayFor(caller, assessment.personId);
        Instant now = clock.instant();
        switch (assessment.state) {
            case PAID -> throw ProblemException.conflict("assessment-paid", "assessment " + assessment.serialNumber
                    + " is already paid");
            case CANCELLED, EXPIRED -> throw ProblemException.ruleBroken("assessment-not-payable", "assessment "
                    + assessment.serialNumber + " is " + assessment.state.name().toLowerCase());
            case OPEN -> {
                if (!assessment.expiresAt.isAfter(now)) {
                    throw ProblemException.ruleBroken("assessment-not-payable", "assessment " + assessment.serialNumber
                            + " expired at " + assessment.expiresAt);
                }
            }
        }
        Payment live = Payment.find("assessmentSerial = ?1 and status = ?2", assessment.serialNumber, PaymentStatus.PAYING)
                .firstResult();
        if (live != null && abandoned(live, now)) {
            // its instance died while the provider was creating it; the sweeper closes it there (closed_at stays null)
            expiry.expire(live, "the instance creating the order stopped before the provider answered");
            Payment.flush();
        } else if (live != null) {
            throw new ProblemException(ProblemException.conflict("live-order-exists", "assessment "
                    + assessment.serialNumber + " already has an order being paid; check its status or wait until it expires")
                    .problem().with("paymentId", live.id.toString()));
        }
        Payment payment = new Payment();
        payment.id = UUID.randomUUID();
        payment.assessmentSerial = assessment.serialNumber;
        payment.personId = assessment.personId;
        payment.payerId = caller.subject();
        payment.region = assessment.region;
        payment.channel = Channel.valueOf(request.channel());
        payment.status = PaymentStatus.PAYING;
        payment.amount = assessment.total;
        payment.lines = assessment.lines;
        payment.createdAt = now;
        Instant ttlEnd = now.plus(config.orders().ttl());
        payment.expiresAt = ttlEnd.isBefore(assessment.expiresAt) ? ttlEnd : assessment.expiresAt;
        payment.updatedAt = now;
        payment.persist();
        return payment;
    }

    /**
     * An online order still without a provider order long after the provider call's timeout: nobody is completing it.
     * (A debit order has no provider order at all; it is live until the bank's result file.)
     */
    private boolean abandoned(Payment live, Instant now) {
        return live.channel.online() && live.providerOrderId == null
                && live.createdAt.plus(config.orders().providerTimeout().multipliedBy(2)).isBefore(now);
    }

    private PaymentView complete(UUID id, ProviderClient.CreatedOrder created) {
        Payment payment = Payment.lock(id).orElseThrow();
        if (payment.status != PaymentStatus.PAYING) {
            // taken for abandoned by another request meanwhile: the sweeper closes the provider's order
            throw unavailable(payment.channel);
        }
        payment.providerOrderId = created.providerOrderId();
        payment.qrCode = created.qrCode();
        payment.payUrl = created.payUrl();
        payment.updatedAt = clock.instant();
        return view(payment);
    }

    private static ProblemException unavailable(Channel channel) {
        return ProblemException.unavailable(channel.providerId() + " cannot take orders right now", 5);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PaymentView find(Caller caller, UUID id) {
        return view(visible(caller, id));
    }

    /** R20: asks the provider and resolves a PAYING order to what it really is. */
    @Transactional(Transactional.TxType.NEVER)
    public PaymentView statusCheck(Caller caller, UUID id) {
        QuarkusTransaction.requiringNew().run(() -> visible(caller, id));
        try {
            resolver.resolve(id);
        } catch (ProviderUnavailableException e) {
            throw ProblemException.unavailable("the provider cannot tell right now; the order stays as it is", 10);
        }
        return QuarkusTransaction.requiringNew().call(() -> view(Payment.findById(id)));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<PaymentView> list(Caller caller, String personId, String status, String channel) {
        StringBuilder query = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (caller.is(Roles.CONTRIBUTOR)) {
            query.append(" and (personId = :me or payerId = :me)");
            params.and("me", caller.subject());
        } else if (caller.is(Roles.PROXY)) {
            query.append(" and payerId = :me");
            params.and("me", caller.subject());
        }
        if (personId != null) {
            query.append(" and personId = :person");
            params.and("person", personId);
        }
        if (status != null) {
            query.append(" and status = :status");
            params.and("status", PaymentStatus.valueOf(status));
        }
        if (channel != null) {
            query.append(" and channel = :channel");
            params.and("channel", Channel.valueOf(channel));
        }
        List<PaymentView> views = new ArrayList<>();
        Payment.<Payment>find(query.toString(), Sort.descending("createdAt"), params).page(0, PAGE).list()
                .forEach(p -> views.add(view(p)));
        return views;
    }

    /** The payer, the person paid for, and ops see a payment; to anyone else it does not exist. */
    Payment visible(Caller caller, UUID id) {
        Payment payment = Payment.findById(id);
        boolean allowed = payment != null && (caller.is(Roles.OPS) || caller.subject().equals(payment.payerId)
                || (caller.is(Roles.CONTRIBUTOR) && caller.subject().equals(payment.personId)));
        if (!allowed) {
            throw ProblemException.notFound("no payment " + id);
        }
        return payment;
    }

    private void mayPayFor(Caller caller, String personId) {
        boolean allowed = caller.is(Roles.CONTRIBUTOR) ? caller.subject().equals(personId)
                : caller.is(Roles.PROXY) && persons.isOnProxyList(caller.subject(), personId);
        if (!allowed) {
            throw ProblemException.forbidden(caller.is(Roles.PROXY)
                    ? "this person is not on your proxy list (R21)" : "you may pay only your own assessments");
        }
    }

    private PaymentView view(Payment payment) {
        return PaymentView.of(payment, calendars.calendar());
    }
}
