package org.flexsi.payment.refund;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.flexsi.contracts.Money;
import org.flexsi.platform.security.AgencyIdentity;
import org.flexsi.platform.security.Caller;
import org.flexsi.platform.security.Roles;
import org.flexsi.payment.order.Payment;
import org.flexsi.payment.order.PaymentStatus;
import org.flexsi.platform.audit.AccessAudit;
import org.flexsi.platform.idempotency.IdempotencyKeys;
import org.flexsi.platform.problem.ProblemException;

/**
 * Refund applications (退付, R25): the person or the paying proxy applies with a bank account; the pension or
 * medical agency reviews (medical also needs the person's own application); an approved refund is paid back
 * by {@link RefundPayouts}, which announces it as payment.refunded.
 */
@ApplicationScoped
@Transactional
public class RefundService {
    private final IdempotencyKeys idempotency;
    private final RefundPayouts payouts;
    private final AccessAudit audit;
    private final Clock clock;

    public RefundService(IdempotencyKeys idempotency, RefundPayouts payouts, AccessAudit audit, Clock clock) {
        this.idempotency = idempotency;
        this.payouts = payouts;
        this.audit = audit;
        this.clock = clock;
    }

    public Response apply(Caller caller, String key, UUID paymentId, RefundApplicationRequest application) {
        IdempotencyKeys.require(key);
        return idempotency.once("refunds:" + caller.subject(), key, new Keyed(paymentId, application), 201,
                () -> RefundView.of(open(caller, paymentId, application)));
    }

    /** The idempotency record covers the payment too: the same body for another payment is another request. */
    record Keyed(UUID paymentId, RefundApplicationRequest application) {
    }

    private Refund open(Caller caller, UUID paymentId, RefundApplicationRequest application) {
        // the payment lock serialises applications, so two at once cannot both take the last yuan of a line
        Payment payment = Payment.lock(paymentId).filter(p -> caller.subject().equals(p.payerId)
                || (caller.is(Roles.CONTRIBUTOR) && caller.subject().equals(p.personId)))
                .orElseThrow(() -> ProblemException.notFound("no payment " + paymentId));
        if (payment.status != PaymentStatus.PAID) {
            throw ProblemException.conflict("not-refundable", "payment " + paymentId + " is " + payment.status
                    + "; only a paid payment can be refunded");
        }
        List<org.flexsi.contracts.events.LineItem> claimed = Refund.<Refund>list("paymentId = ?1 and state <> ?2", paymentId,
                Refund.State.REJECTED).stream().flatMap(r -> r.lineItems().stream()).toList();
        RefundRules.Plan plan;
        try {
            plan = RefundRules.plan(payment.lineItems(), claimed, application.lines().stream()
                    .map(l -> new RefundRules.Requested(l.insurance(), l.part(), Money.parse(l.amount()))).toList());
        } catch (RefundRules.Refused e) {
            throw ProblemException.ruleBroken(e.rule(), e.getMessage());
        }
        Refund refund = new Refund();
        refund.id = UUID.randomUUID();
        refund.paymentId = paymentId;
        refund.personId = payment.personId;
        refund.region = payment.region;
        refund.applicantId = caller.subject();
        refund.kind = Refund.Kind.APPLICATION;
        refund.agency = plan.agency();
        refund.lines = org.flexsi.payment.common.Jsons.lines(plan.lines());
        refund.total = plan.total();
        refund.reason = application.reason();
        // medical refunds need the person's own application (R25); a proxy's application waits for it
        refund.state = plan.agency() == Agency.MEDICAL && !caller.subject().equals(payment.personId)
                ? Refund.State.AWAITING_PERSON : Refund.State.IN_REVIEW;
        refund.bankAccount = application.bankAccount();
        refund.bankName = application.bankName().strip();
        refund.bankCode = application.bankCode();
        refund.createdAt = clock.instant();
        refund.persist();
        return refund;
    }

    public RefundView personalApplication(Caller caller, UUID refundId) {
        Refund refund = lock(refundId);
        if (!caller.is(Roles.CONTRIBUTOR) || !caller.subject().equals(refund.personId)) {
            throw ProblemException.notFound("no refund " + refundId);
        }
        if (refund.state == Refund.State.AWAITING_PERSON) {
            refund.state = Refund.State.IN_REVIEW;
        } else if (refund.state != Refund.State.IN_REVIEW) {
            throw ProblemException.conflict("refund-decided", "refund " + refundId + " is already " + refund.state);
        }
        return RefundView.of(refund);
    }

    /** After a refused payout (or none possible), the applicant or the person gives another account: paid again. */
    public Response newPayoutAccount(Caller caller, String key, UUID refundId, PayoutAccountRequest account) {
        IdempotencyKeys.require(key);
        return idempotency.once("refund-accounts:" + caller.subject(), key, new KeyedAccount(refundId, account), 200, () -> {
            Refund refund = lock(refundId);
            boolean mine = caller.subject().equals(refund.applicantId)
                    || (caller.is(Roles.CONTRIBUTOR) && caller.subject().equals(refund.personId));
            if (!mine) {
                throw ProblemException.notFound("no refund " + refundId);
            }
            if (refund.state != Refund.State.PAYOUT_FAILED) {
                throw ProblemException.conflict("refund-not-failed", "refund " + refundId + " is " + refund.state
                        + "; another account is taken only after a payout failed");
            }
            payouts.retryTo(refund, caller.subject(), account.bankAccount(), account.bankName().strip(), account.bankCode());
            return RefundView.of(refund);
        });
    }

    record KeyedAccount(UUID refundId, PayoutAccountRequest account) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public RefundView find(Caller caller, UUID refundId) {
        Refund refund = Refund.findById(refundId);
        boolean visible = refund != null && (caller.is(Roles.OPS) || caller.subject().equals(refund.applicantId)
                || (caller.is(Roles.CONTRIBUTOR) && caller.subject().equals(refund.personId)));
        if (!visible) {
            throw ProblemException.notFound("no refund " + refundId);
        }
        return RefundView.of(refund);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<RefundView> forReview(Caller caller, String state) {
        Agency agency = agencyOf(caller);
        Refund.State wanted = state == null ? Refund.State.IN_REVIEW : Refund.State.valueOf(state);
        // an agency sees only the refunds of persons in the regions it serves
        Set<String> regions = caller.agency().map(AgencyIdentity::regions).orElse(Set.of());
        if (regions.isEmpty()) {
            return List.of();
        }
        return Refund.<Refund>list("agency = ?1 and state = ?2 and region in ?3 order by createdAt", agency, wanted, regions)
                .stream().map(RefundView::of).toList();
    }

    public RefundView decide(Caller caller, UUID refundId, RefundDecisionRequest decision) {
        Agency agency = agencyOf(caller);
        Refund refund = lock(refundId);
        caller.requireRegion(refund.region);
        if (refund.agency != agency) {
            throw ProblemException.notFound("no refund " + refundId + " for the " + agency.name().toLowerCase() + " agency");
        }
        if (refund.state != Refund.State.IN_REVIEW) {
            throw ProblemException.conflict("refund-not-in-review", "refund " + refundId + " is " + refund.state);
        }
        refund.decidedAt = clock.instant();
        refund.decidedBy = caller.subject();
        audit.record(caller, "refund-decision", "refund", refundId.toString());
        if ("REJECT".equals(decision.decision())) {
            if (decision.reason() == null || decision.reason().isBlank()) {
                throw ProblemException.invalid("reason", "is required to reject");
            }
            refund.state = Refund.State.REJECTED;
            refund.decisionReason = decision.reason();
            return RefundView.of(refund);
        }
        refund.decisionReason = decision.reason();
        // the money goes back through the payout worker, which announces payment.refunded once it has
        payouts.start(refund, Payment.findById(refund.paymentId));
        return RefundView.of(refund);
    }

    private static Refund lock(UUID refundId) {
        return Refund.<Refund>findByIdOptional(refundId, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> ProblemException.notFound("no refund " + refundId));
    }

    /** The agency a token is bound to (platform AgencyBinding): its pension or medical kind reviews refunds. */
    private static Agency agencyOf(Caller caller) {
        AgencyIdentity.Kind kind = caller.agency().map(AgencyIdentity::kind).orElseThrow(() -> ProblemException.forbidden(
                "only a pension or medical agency reviews refunds"));
        return switch (kind) {
            case PENSION -> Agency.PENSION;
            case MEDICAL -> Agency.MEDICAL;
            case TAX -> throw ProblemException.forbidden("agency " + caller.agency().get().id()
                    + " is a tax agency; refunds are reviewed by the pension or medical agency");
        };
    }
}
