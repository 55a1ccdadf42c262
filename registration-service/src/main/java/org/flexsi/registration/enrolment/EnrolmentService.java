package org.flexsi.registration.enrolment;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.flexsi.contracts.events.EnrolmentContinued;
import org.flexsi.contracts.events.EnrolmentInterrupted;
import org.flexsi.contracts.events.EnrolmentStarted;
import org.flexsi.contracts.events.EnrolmentSuspended;
import org.flexsi.contracts.events.MedicalRateChanged;
import org.flexsi.platform.idempotency.IdempotencyKeys;
import org.flexsi.platform.outbox.Outbox;
import org.flexsi.platform.problem.ProblemException;
import org.flexsi.platform.security.Caller;
import org.flexsi.registration.enrolment.EnrolmentChange.Action;
import org.flexsi.registration.person.EnrolmentRequest;
import org.flexsi.registration.person.EnrolmentView;
import org.flexsi.registration.person.Months;
import org.flexsi.registration.person.Person;
import org.flexsi.registration.region.Channel;
import org.flexsi.registration.region.Operation;
import org.flexsi.registration.region.RegionRules;
import org.flexsi.registration.monitor.RegistrationMetrics;
import org.flexsi.registration.region.Regions;
import org.flexsi.registration.region.Terms;

/**
 * Enrolment and its lifecycle. Each write changes the enrolment, appends to its history, counts one more
 * registration version of the person and records its events in one transaction; a refused write changes none of
 * them. Every write is made by an agency of the person's region (checked by the resource before the idempotent
 * replay, and again here on the locked person).
 */
@ApplicationScoped
@Transactional
public class EnrolmentService {
    private final Regions regions;
    private final Outbox outbox;
    private final IdempotencyKeys idempotency;
    private final Clock clock;
    private final EntityManager em;
    private final RegistrationMetrics metrics;

    public EnrolmentService(Regions regions, Outbox outbox, IdempotencyKeys idempotency, Clock clock, EntityManager em,
            RegistrationMetrics metrics) {
        this.metrics = metrics;
        this.regions = regions;
        this.outbox = outbox;
        this.idempotency = idempotency;
        this.clock = clock;
        this.em = em;
    }

    /** Checks one requested enrolment against the region before anything is written. */
    public Terms checkedTerms(RegionRules rules, EnrolmentRequest request) {
        rules.checkInsurance(request.insurance());
        return rules.terms(request.insurance(), request.terms());
    }

    /**
     * Enrols a person, with checked terms, in an insurance he has no current enrolment in; {@code version} is the
     * person's registration version after the change this enrolment belongs to.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Enrolment start(Person person, Insurance insurance, YearMonth firstMonth, Terms terms, Channel channel,
            Caller actor, Instant at, long version) {
        Enrolment enrolment = Enrolment.start(person.personId, insurance, firstMonth, terms);
        enrolment.persist();
        EnrolmentChange.record(enrolment, Action.ENROLLED, null, firstMonth.toString(), null, describe(terms), channel,
                actor, at, version);
        metrics.enrolmentChanged("started");
            outbox.publish(new EnrolmentStarted(person.personId.toString(), insurance.name(), person.region,
                firstMonth.toString(), terms.grade(), terms.baseText(), terms.rateText(), terms.plan(), at, version));
        return enrolment;
    }

    public Response addOnce(String key, UUID personId, NewEnrolmentRequest request, Caller actor) {
        return idempotency.once("enrol:" + personId, key, request, 201, () -> {
            Person person = lockedFor(actor, personId);
            RegionRules rules = regions.require(person.region);
            Channel channel = orCounter(request.channel());
            rules.checkChannel(channel, Operation.NEW_ENROLMENT);
            rules.checkAge(person.sex, person.birthDate(), request.enrolmentDate());
            EnrolmentRequest wanted = request.enrolment();
            Terms terms = checkedTerms(rules, wanted);
            if (Enrolment.of(personId, wanted.insurance()).isPresent()) {
                throw ProblemException.conflict("already-enrolled", "the person is already enrolled in "
                        + wanted.insurance() + "; an interrupted enrolment is continued, not enrolled again");
            }
            long version = person.nextVersion();
            return EnrolmentView.of(start(person, wanted.insurance(), Months.parse(wanted.firstMonth()), terms, channel,
                    actor, clock.instant(), version), version);
        });
    }

    public Response interruptOnce(String key, UUID personId, Insurance insurance, InterruptionRequest request, Caller actor) {
        return idempotency.once("interrupt:" + personId + ":" + insurance, key, request, 200, () -> {
            Person person = lockedFor(actor, personId);
            Channel channel = orCounter(request.channel());
            regions.require(person.region).checkChannel(channel, Operation.INTERRUPTION);
            Enrolment enrolment = enrolment(personId, insurance);
            EnrolmentStatus before = enrolment.status;
            YearMonth lastCovered = Months.parse(request.lastCoveredMonth());
            enrolment.interrupt(lastCovered);
            Instant now = clock.instant();
            long version = person.nextVersion();
            EnrolmentChange.record(enrolment, Action.INTERRUPTED, before, lastCovered.toString(), request.reason(), null,
                    channel, actor, now, version);
            metrics.enrolmentChanged("interrupted");
            outbox.publish(new EnrolmentInterrupted(personId.toString(), insurance.name(), person.region,
                    lastCovered.toString(), request.reason(), now, version));
            Log.infof("%s of person %s interrupted after %s by %s", insurance, personId, lastCovered, actor.subject());
            flushOrConflict();
            return EnrolmentView.of(enrolment, version);
        });
    }

    public Response continueOnce(String key, UUID personId, Insurance insurance, ContinuationRequest request, Caller actor) {
        return idempotency.once("continue:" + personId + ":" + insurance, key, request, 200, () -> {
            Person person = lockedFor(actor, personId);
            RegionRules rules = regions.require(person.region);
            Channel channel = orCounter(request.channel());
            Operation operation = request.afterUnemploymentBenefit() ? Operation.CONTINUATION_AFTER_UNEMPLOYMENT
                    : Operation.CONTINUATION;
            rules.checkChannel(channel, operation);
            Enrolment enrolment = enrolment(personId, insurance);
            Terms terms = request.keepsTerms() ? enrolment.terms()
                    : rules.terms(insurance, Terms.of(request.grade(), request.base(), request.rate(), request.plan()));
            EnrolmentStatus before = enrolment.status;
            YearMonth from = Months.parse(request.fromMonth());
            enrolment.continueFrom(from, terms);
            Instant now = clock.instant();
            long version = person.nextVersion();
            Action action = request.afterUnemploymentBenefit() ? Action.CONTINUED_AFTER_UNEMPLOYMENT : Action.CONTINUED;
            EnrolmentChange.record(enrolment, action, before, from.toString(), null, describe(terms), channel, actor, now,
                    version);
            metrics.enrolmentChanged("continued");
            outbox.publish(new EnrolmentContinued(personId.toString(), insurance.name(), person.region, from.toString(),
                    terms.grade(), terms.baseText(), terms.rateText(), terms.plan(), now, version));
            flushOrConflict();
            return EnrolmentView.of(enrolment, version);
        });
    }

    public Response suspendOnce(String key, UUID personId, Insurance insurance, SuspensionRequest request, Caller actor) {
        return idempotency.once("suspend:" + personId + ":" + insurance, key, request, 200, () -> {
            Person person = lockedFor(actor, personId);
            Channel channel = orCounter(request.channel());
            regions.require(person.region).checkChannel(channel, Operation.SUSPENSION);
            Enrolment enrolment = enrolment(personId, insurance);
            EnrolmentStatus before = enrolment.status;
            enrolment.suspend(request.effectiveDate(), request.reason());
            Instant now = clock.instant();
            long version = person.nextVersion();
            EnrolmentChange.record(enrolment, Action.SUSPENDED, before, request.effectiveDate().toString(),
                    request.reason(), null, channel, actor, now, version);
            metrics.enrolmentChanged("suspended");
            outbox.publish(new EnrolmentSuspended(personId.toString(), insurance.name(), person.region, request.reason(),
                    request.effectiveDate(), now, version));
            flushOrConflict();
            return EnrolmentView.of(enrolment, version);
        });
    }

    /**
     * R5 as the Weifang guide has it (seed 004, 医保缴费比例变更): first 减员, the old medical enrolment is interrupted
     * ("从旧户减少"), then 增员, a new medical enrolment at the new rate ("再选择…参保登记进行增员"), in one transaction.
     * The new rate applies from the effective month, unless months from then on are already paid at the old rate:
     * those stay as they were, the old enrolment ends with the last of them and the new one starts the month after.
     */
    public Response changeRateOnce(String key, UUID personId, MedicalRateChangeRequest request, Caller actor) {
        return idempotency.once("rate-change:" + personId, key, request, 200, () -> {
            Person person = lockedFor(actor, personId);
            RegionRules rules = regions.require(person.region);
            Channel channel = orCounter(request.channel());
            rules.checkChannel(channel, Operation.MEDICAL_RATE_CHANGE);
            Enrolment old = enrolment(personId, Insurance.MEDICAL);
            Terms oldTerms = old.terms();
            String base = request.base() != null ? request.base() : oldTerms.baseText();
            Terms terms = rules.terms(Insurance.MEDICAL, Terms.of(null, base, request.rate(), request.plan()));
            if (terms.rate() == null) {
                throw ProblemException.invalid("rate", "R5: the new medical rate is required");
            }
            YearMonth effective = Months.parse(request.effectiveMonth());
            old.checkRateChange(effective, terms);
            YearMonth newFrom = lastPaidMedicalMonth(personId).filter(paid -> !paid.isBefore(effective))
                    .map(paid -> paid.plusMonths(1)).orElse(effective);
            YearMonth lastCovered = newFrom.minusMonths(1);
            Instant now = clock.instant();
            long version = person.nextVersion();
            String detail = "rate " + oldTerms.rateText() + " -> " + terms.rateText()
                    + (terms.plan() == null ? "" : ", plan " + oldTerms.plan() + " -> " + terms.plan())
                    + " from " + newFrom;

            old.interrupt(lastCovered);
            old.superseded = true;
            EnrolmentChange.record(old, Action.INTERRUPTED, EnrolmentStatus.ACTIVE, lastCovered.toString(),
                    RATE_CHANGE_REASON, detail, channel, actor, now, version);
            metrics.enrolmentChanged("interrupted");
            outbox.publish(new EnrolmentInterrupted(personId.toString(), Insurance.MEDICAL.name(), person.region,
                    lastCovered.toString(), RATE_CHANGE_REASON, now, version));
            flushOrConflict();

            Enrolment fresh = start(person, Insurance.MEDICAL, newFrom, terms, channel, actor, now, version);
            fresh.replaces = old.id;
            metrics.enrolmentChanged("medical-rate-changed");
            outbox.publish(new MedicalRateChanged(personId.toString(), person.region, oldTerms.rateText(),
                    terms.rateText(), oldTerms.plan(), terms.plan(), newFrom.toString(), now, version));
            flushOrConflict();
            Log.infof("medical rate of person %s changed %s by %s: enrolment %d interrupted after %s, %d from %s", personId,
                    detail, actor.subject(), old.id, lastCovered, fresh.id, newFrom);
            return EnrolmentView.of(fresh, version);
        });
    }

    public static final String RATE_CHANGE_REASON = "medical rate change (R5)";

    /** The latest medical month already paid, from payment.succeeded: it was paid at the rate then in force. */
    private Optional<YearMonth> lastPaidMedicalMonth(UUID personId) {
        Object last = em.createNativeQuery("select max(month) from paid_month where person_id = ?1 and insurance = ?2")
                .setParameter(1, personId.toString()).setParameter(2, Insurance.MEDICAL.name()).getSingleResult();
        return Optional.ofNullable((String) last).map(YearMonth::parse);
    }

    /** The person, locked for this change, once more confirmed to be in the caller's regions. */
    private static Person lockedFor(Caller actor, UUID personId) {
        Person person = Person.forChange(personId);
        actor.requireRegion(person.region);
        return person;
    }

    /** Two writers on one enrolment: the later one is told to retry instead of failing at commit. */
    private static void flushOrConflict() {
        try {
            Enrolment.getEntityManager().flush();
        } catch (OptimisticLockException e) {
            throw ProblemException.conflict("concurrent-change", "the enrolment was changed at the same time; read it and retry");
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ChangeView> history(UUID personId) {
        return EnrolmentChange.ofPerson(personId).stream().map(ChangeView::of).toList();
    }

    private static Enrolment enrolment(UUID personId, Insurance insurance) {
        return Enrolment.of(personId, insurance).orElseThrow(() -> ProblemException.ruleBroken("not-enrolled",
                "the person is not enrolled in " + insurance));
    }

    private static String describe(Terms terms) {
        StringBuilder text = new StringBuilder();
        if (terms.grade() != null) {
            text.append("grade ").append(terms.grade());
        }
        if (terms.base() != null) {
            text.append(text.isEmpty() ? "" : ", ").append("base ").append(terms.baseText());
        }
        if (terms.rate() != null) {
            text.append(text.isEmpty() ? "" : ", ").append("rate ").append(terms.rateText());
        }
        if (terms.plan() != null) {
            text.append(text.isEmpty() ? "" : ", ").append("plan ").append(terms.plan());
        }
        return text.isEmpty() ? null : text.toString();
    }

    /** A write without a channel was made at the counter. */
    private static Channel orCounter(Channel channel) {
        return channel == null ? Channel.COUNTER : channel;
    }
}
