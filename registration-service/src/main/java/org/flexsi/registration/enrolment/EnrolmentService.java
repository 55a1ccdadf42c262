package org.flexsi.registration.enrolment;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import org.flexsi.contracts.events.EnrolmentContinued;
import org.flexsi.contracts.events.EnrolmentInterrupted;
import org.flexsi.contracts.events.EnrolmentStarted;
import org.flexsi.contracts.events.EnrolmentSuspended;
import org.flexsi.contracts.events.MedicalRateChanged;
import org.flexsi.platform.idempotency.IdempotencyKeys;
import org.flexsi.platform.outbox.Outbox;
import org.flexsi.platform.problem.ProblemException;
import org.flexsi.registration.enrolment.EnrolmentChange.Action;
import org.flexsi.registration.enrolment.LifecycleRequests.Continuation;
import org.flexsi.registration.enrolment.LifecycleRequests.Interruption;
import org.flexsi.registration.enrolment.LifecycleRequests.NewEnrolment;
import org.flexsi.registration.enrolment.LifecycleRequests.RateChange;
import org.flexsi.registration.enrolment.LifecycleRequests.Suspension;
import org.flexsi.registration.person.Actor;
import org.flexsi.registration.person.EnrolmentRequest;
import org.flexsi.registration.person.EnrolmentView;
import org.flexsi.registration.person.Months;
import org.flexsi.registration.person.Person;
import org.flexsi.registration.region.Channel;
import org.flexsi.registration.region.Operation;
import org.flexsi.registration.region.RegionRules;
import org.flexsi.registration.region.Regions;
import org.flexsi.registration.region.Terms;

/**
 * Enrolment and its lifecycle. Each write changes the enrolment, appends to its history and records its
 * event in one transaction; a refused write changes none of them.
 */
@ApplicationScoped
@Transactional
public class EnrolmentService {
    private final Regions regions;
    private final Outbox outbox;
    private final IdempotencyKeys idempotency;

    public EnrolmentService(Regions regions, Outbox outbox, IdempotencyKeys idempotency) {
        this.regions = regions;
        this.outbox = outbox;
        this.idempotency = idempotency;
    }

    /** Checks one requested enrolment against the region before anything is written. */
    public Terms checkedTerms(RegionRules rules, EnrolmentRequest request) {
        rules.checkInsurance(request.insurance());
        return rules.terms(request.insurance(), request.terms());
    }

    /** Enrols a person, with checked terms, in an insurance he is not enrolled in yet. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Enrolment start(Person person, Insurance insurance, YearMonth firstMonth, Terms terms, Channel channel,
            Actor actor, Instant at) {
        Enrolment enrolment = Enrolment.start(person.personId, insurance, firstMonth, terms);
        enrolment.persist();
        EnrolmentChange.record(enrolment, Action.ENROLLED, null, firstMonth.toString(), null, describe(terms), channel,
                actor, at);
        outbox.publish(new EnrolmentStarted(person.personId.toString(), insurance.name(), person.region,
                firstMonth.toString(), terms.grade(), terms.baseText(), terms.rateText(), terms.plan(), at));
        return enrolment;
    }

    public Response addOnce(String key, UUID personId, NewEnrolment request, Actor actor) {
        return idempotency.once("enrol:" + personId, key, request, 201, () -> {
            Person person = person(personId);
            RegionRules rules = regions.require(person.region);
            Channel channel = LifecycleRequests.orCounter(request.channel());
            rules.checkChannel(channel, Operation.NEW_ENROLMENT);
            rules.checkAge(person.sex, person.birthDate, request.enrolmentDate());
            EnrolmentRequest wanted = request.enrolment();
            Terms terms = checkedTerms(rules, wanted);
            if (Enrolment.of(personId, wanted.insurance()).isPresent()) {
                throw ProblemException.conflict("already-enrolled", "the person is already enrolled in "
                        + wanted.insurance() + "; an interrupted enrolment is continued, not enrolled again");
            }
            return EnrolmentView.of(start(person, wanted.insurance(), Months.parse(wanted.firstMonth()), terms, channel,
                    actor, Instant.now()));
        });
    }

    public Response interruptOnce(String key, UUID personId, Insurance insurance, Interruption request, Actor actor) {
        return idempotency.once("interrupt:" + personId + ":" + insurance, key, request, 200, () -> {
            Person person = person(personId);
            Channel channel = LifecycleRequests.orCounter(request.channel());
            regions.require(person.region).checkChannel(channel, Operation.INTERRUPTION);
            Enrolment enrolment = enrolment(personId, insurance);
            EnrolmentStatus before = enrolment.status;
            YearMonth lastCovered = Months.parse(request.lastCoveredMonth());
            enrolment.interrupt(lastCovered);
            Instant now = Instant.now();
            EnrolmentChange.record(enrolment, Action.INTERRUPTED, before, lastCovered.toString(), request.reason(), null,
                    channel, actor, now);
            outbox.publish(new EnrolmentInterrupted(personId.toString(), insurance.name(), person.region,
                    lastCovered.toString(), request.reason(), now));
            Log.infof("%s of person %s interrupted after %s by %s", insurance, personId, lastCovered, actor.subject());
            flushOrConflict();
            return EnrolmentView.of(enrolment);
        });
    }

    public Response continueOnce(String key, UUID personId, Insurance insurance, Continuation request, Actor actor) {
        return idempotency.once("continue:" + personId + ":" + insurance, key, request, 200, () -> {
            Person person = person(personId);
            RegionRules rules = regions.require(person.region);
            Channel channel = LifecycleRequests.orCounter(request.channel());
            Operation operation = request.afterUnemploymentBenefit() ? Operation.CONTINUATION_AFTER_UNEMPLOYMENT
                    : Operation.CONTINUATION;
            rules.checkChannel(channel, operation);
            Enrolment enrolment = enrolment(personId, insurance);
            Terms terms = request.keepsTerms() ? enrolment.terms()
                    : rules.terms(insurance, Terms.of(request.grade(), request.base(), request.rate(), request.plan()));
            EnrolmentStatus before = enrolment.status;
            YearMonth from = Months.parse(request.fromMonth());
            enrolment.continueFrom(from, terms);
            Instant now = Instant.now();
            Action action = request.afterUnemploymentBenefit() ? Action.CONTINUED_AFTER_UNEMPLOYMENT : Action.CONTINUED;
            EnrolmentChange.record(enrolment, action, before, from.toString(), null, describe(terms), channel, actor, now);
            outbox.publish(new EnrolmentContinued(personId.toString(), insurance.name(), person.region, from.toString(),
                    terms.grade(), terms.baseText(), terms.rateText(), terms.plan(), now));
            flushOrConflict();
            return EnrolmentView.of(enrolment);
        });
    }

    public Response suspendOnce(String key, UUID personId, Insurance insurance, Suspension request, Actor actor) {
        return idempotency.once("suspend:" + personId + ":" + insurance, key, request, 200, () -> {
            Person person = person(personId);
            Channel channel = LifecycleRequests.orCounter(request.channel());
            regions.require(person.region).checkChannel(channel, Operation.SUSPENSION);
            Enrolment enrolment = enrolment(personId, insurance);
            EnrolmentStatus before = enrolment.status;
            enrolment.suspend(request.effectiveDate(), request.reason());
            Instant now = Instant.now();
            EnrolmentChange.record(enrolment, Action.SUSPENDED, before, request.effectiveDate().toString(),
                    request.reason(), null, channel, actor, now);
            outbox.publish(new EnrolmentSuspended(personId.toString(), insurance.name(), person.region, request.reason(),
                    request.effectiveDate(), now));
            flushOrConflict();
            return EnrolmentView.of(enrolment);
        });
    }

    public Response changeRateOnce(String key, UUID personId, RateChange request, Actor actor) {
        return idempotency.once("rate-change:" + personId, key, request, 200, () -> {
            Person person = person(personId);
            RegionRules rules = regions.require(person.region);
            Channel channel = LifecycleRequests.orCounter(request.channel());
            rules.checkChannel(channel, Operation.MEDICAL_RATE_CHANGE);
            Enrolment enrolment = enrolment(personId, Insurance.MEDICAL);
            Terms old = enrolment.terms();
            String base = request.base() != null ? request.base() : old.baseText();
            Terms terms = rules.terms(Insurance.MEDICAL, Terms.of(null, base, request.rate(), request.plan()));
            if (terms.rate() == null) {
                throw ProblemException.invalid("rate", "R5: the new medical rate is required");
            }
            YearMonth effective = Months.parse(request.effectiveMonth());
            enrolment.changeRate(effective, terms);
            Instant now = Instant.now();
            String detail = "rate " + old.rateText() + " -> " + terms.rateText()
                    + (terms.plan() == null ? "" : ", plan " + old.plan() + " -> " + terms.plan());
            EnrolmentChange.record(enrolment, Action.RATE_CHANGED, EnrolmentStatus.ACTIVE, effective.toString(), null,
                    detail, channel, actor, now);
            outbox.publish(new MedicalRateChanged(personId.toString(), person.region, old.rateText(), terms.rateText(),
                    old.plan(), terms.plan(), effective.toString(), now));
            flushOrConflict();
            return EnrolmentView.of(enrolment);
        });
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
        person(personId);
        return EnrolmentChange.ofPerson(personId).stream().map(ChangeView::of).toList();
    }

    private static Person person(UUID personId) {
        Person person = Person.findById(personId);
        if (person == null) {
            throw ProblemException.notFound("no person " + personId);
        }
        return person;
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
}
