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
    private final PaymentConfig config;
    private final OutsideParties.Self self;
    private final CalendarService calendars;
    private final Clock clock;

    public PaymentService(IdempotencyKeys idempotency, Persons persons, ProviderClient providers, OrderResolver resolver,
            PaymentConfig config, OutsideParties.Self self, CalendarService calendars, Clock clock) {
        this.self = self;
        this.calendars = calendars;
        this.clock = clock;
        this.idempotency = idempotency;
        this.persons = persons;
        this.providers = providers;
        this.resolver = resolver;
        this.config = config;
    }

    public Response create(Caller caller, String idempotencyKey, NewPayment request) {
        IdempotencyKeys.require(idempotencyKey);
        return idempotency.once("payments:" + caller.subject(), idempotencyKey, request, 201, () -> open(caller, request));
    }

    private PaymentView open(Caller caller, NewPayment request) {
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
        if (live != null) {
            throw new ProblemException(ProblemException.conflict("live-order-exists", "assessment "
                    + assessment.serialNumber + " already has an order being paid; check its status or wait until it expires")
                    .problem().with("paymentId", live.id.toString()));
        }
        Channel channel = Channel.valueOf(request.channel());
        Payment payment = new Payment();
        payment.id = UUID.randomUUID();
        payment.assessmentSerial = assessment.serialNumber;
        payment.personId = assessment.personId;
        payment.payerId = caller.subject();
        payment.region = assessment.region;
        payment.channel = channel;
        payment.status = PaymentStatus.PAYING;
        payment.amount = assessment.total;
        payment.lines = assessment.lines;
        payment.createdAt = now;
        Instant ttlEnd = now.plus(config.orders().ttl());
        payment.expiresAt = ttlEnd.isBefore(assessment.expiresAt) ? ttlEnd : assessment.expiresAt;
        payment.updatedAt = now;
        try {
            ProviderClient.CreatedOrder order = providers.create(channel, payment.id, payment.amount,
                    "flexsi social insurance " + assessment.serialNumber,
                    self.url() + "/api/v1/callbacks/providers/" + channel.providerId());
            payment.providerOrderId = order.providerOrderId();
            payment.qrCode = order.qrCode();
            payment.payUrl = order.payUrl();
        } catch (ProviderUnavailableException e) {
            // nothing is stored: the client may retry with the same Idempotency-Key
            throw ProblemException.unavailable(channel.providerId() + " cannot take orders right now", 5);
        }
        payment.persist();
        return view(payment);
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
