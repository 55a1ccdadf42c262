package org.flexsi.registration.person;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.flexsi.contracts.events.PersonRegistered;
import org.flexsi.platform.idempotency.IdempotencyKeys;
import org.flexsi.platform.outbox.Outbox;
import org.flexsi.platform.privacy.Masking;
import org.flexsi.platform.problem.Problem;
import org.flexsi.platform.problem.ProblemException;
import org.flexsi.platform.security.Caller;
import org.flexsi.platform.time.BusinessTime;
import org.flexsi.registration.enrolment.Enrolment;
import org.flexsi.registration.enrolment.EnrolmentService;
import org.flexsi.registration.enrolment.Insurance;
import org.flexsi.registration.identity.IdDocument;
import org.flexsi.registration.identity.IdNumbers;
import org.flexsi.registration.identity.InvalidIdException;
import org.flexsi.registration.identity.Sex;
import org.flexsi.registration.region.Channel;
import org.flexsi.registration.region.Operation;
import org.flexsi.registration.region.RegionRules;
import org.flexsi.registration.monitor.RegistrationMetrics;
import org.flexsi.registration.region.Regions;
import org.flexsi.registration.region.Terms;
import org.hibernate.exception.ConstraintViolationException;

/** Registers a person and enrols them (R1-R3, R6), recording PersonRegistered and one EnrolmentStarted per insurance. */
@ApplicationScoped
@Transactional
public class RegistrationService {
    public static final String ALREADY_REGISTERED = "person-already-registered";

    private final Regions regions;
    private final EnrolmentService enrolments;
    private final Outbox outbox;
    private final IdempotencyKeys idempotency;
    private final Clock clock;
    private final PersonalData personalData;
    private final RegistrationMetrics metrics;

    public RegistrationService(Regions regions, EnrolmentService enrolments, Outbox outbox, IdempotencyKeys idempotency,
            Clock clock, PersonalData personalData, RegistrationMetrics metrics) {
        this.metrics = metrics;
        this.personalData = personalData;
        this.regions = regions;
        this.enrolments = enrolments;
        this.outbox = outbox;
        this.idempotency = idempotency;
        this.clock = clock;
    }

    /** An agency registers persons of the regions it serves only (issue 17); checked before any replay. */
    public Response registerOnce(String key, PersonRequest request, Caller actor) {
        regions.require(request.region());
        actor.requireRegion(request.region());
        return idempotency.once("register:" + actor.subject(), key, request, 201, () -> register(request, actor));
    }

    /** A registration that passed every check that needs no database. */
    public record Checked(PersonRequest request, IdDocument id, LocalDate birthDate, Sex sex, String location,
            Channel channel, List<Terms> terms) {
    }

    public PersonView register(PersonRequest request, Caller actor) {
        regions.require(request.region());
        actor.requireRegion(request.region());
        Checked checked = check(request);
        Person.byIdentity(checked.id().type(), personalData.index(checked.id().number())).ifPresent(existing -> {
            throw alreadyRegistered(existing.personId);
        });
        PersonView person = store(checked, actor, clock.instant());
        flushOrConflict();
        Log.infof("registered person %s (%s %s) in %s with %d enrolment(s)", person.personId(), person.idType(),
                Masking.idNumber(checked.id().number()), person.region(), person.enrolments().size());
        return person;
    }

    /** R1-R3, R6, R7, R9 and the channel (R4): everything but the database. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Checked check(PersonRequest request) {
        RegionRules rules = regions.require(request.region());
        Channel channel = request.channelOrCounter();
        rules.checkChannel(channel, Operation.NEW_ENROLMENT);
        IdDocument id = document(request, BusinessTime.today(clock));
        LocalDate birthDate = agreeing("birthDate", request.birthDate(), id.birthDate(), request.idType().name());
        Sex sex = agreeing("sex", request.sex(), id.sex(), request.idType().name());
        rules.checkAge(sex, birthDate, request.enrolmentDate());
        String location = rules.registeredLocation(request.district());
        List<Terms> terms = checkedEnrolments(rules, request.enrolments());
        return new Checked(request, id, birthDate, sex, location, channel, terms);
    }

    /** The persons already registered under any of these identities, by {@code type:number} (found by blind index). */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<String, UUID> registered(List<IdDocument> ids) {
        Map<String, String> numberByIndex = new HashMap<>();
        ids.forEach(id -> numberByIndex.put(personalData.index(id.number()), id.number()));
        Map<String, UUID> found = new HashMap<>();
        Person.byIndexes(numberByIndex.keySet())
                .forEach(p -> found.put(p.idType + ":" + numberByIndex.get(p.idNumberIndex()), p.personId));
        return found;
    }

    /** Writes a checked registration of a new identity, with its events. */
    @Transactional(Transactional.TxType.MANDATORY)
    public PersonView store(Checked checked, Caller actor, Instant now) {
        PersonRequest request = checked.request();
        Person person = new Person();
        person.personId = UUID.randomUUID();
        person.idType = checked.id().type();
        person.identify(personalData, checked.id().number(), request.name().strip(), request.mobile(),
                checked.birthDate());
        person.sex = checked.sex();
        person.region = request.region();
        person.district = request.district();
        person.registeredLocation = checked.location();
        person.agency = request.agency();
        person.personalNumber(personalData, request.personalNumber());
        person.country = request.country();
        person.ethnicity = request.ethnicity();
        person.workStartDate = request.workStartDate();
        person.enrolmentDate = request.enrolmentDate();
        person.channel = checked.channel();
        person.registeredBy = actor.subject();
        person.registeredAt = now;
        person.registrationVersion = 1;
        person.persist();
        // what the consumers use and no more (issue 17): the full ID number (rights-sync sends it to the agencies,
        // payment and assessment index it to find the person), the name, region and agency; no mobile, sex, birth
        // date or personal number, which no consumer reads (all optional in the contract)
        metrics.registered(person.region);
        outbox.publish(new PersonRegistered(person.personId.toString(), person.idType.name(), checked.id().number(),
                request.name().strip(), null, null, person.region, person.agency, null, null, now,
                person.registrationVersion));

        List<Enrolment> enrolled = new ArrayList<>();
        for (int i = 0; i < checked.terms().size(); i++) {
            EnrolmentRequest wanted = request.enrolments().get(i);
            enrolled.add(enrolments.start(person, wanted.insurance(), Months.parse(wanted.firstMonth()),
                    checked.terms().get(i), checked.channel(), actor, now, person.registrationVersion));
        }
        return PersonView.of(person, enrolled);
    }

    /** The same person registered twice at the same moment: the unique identity decides, the loser gets a 409. */
    private static void flushOrConflict() {
        try {
            Person.flush();
        } catch (ConstraintViolationException e) {
            throw new ProblemException(Problem.of(409, ALREADY_REGISTERED, "Conflict",
                    "a person with this ID type and number was registered at the same moment"));
        }
    }

    public static ProblemException alreadyRegistered(UUID personId) {
        return new ProblemException(Problem.of(409, ALREADY_REGISTERED, "Conflict",
                "a person with this ID type and number is already registered").with("personId", personId.toString()));
    }

    private List<Terms> checkedEnrolments(RegionRules rules, List<EnrolmentRequest> requested) {
        Set<Insurance> seen = EnumSet.noneOf(Insurance.class);
        List<Terms> terms = new ArrayList<>();
        for (EnrolmentRequest wanted : requested) {
            if (!seen.add(wanted.insurance())) {
                throw ProblemException.invalid("enrolments", wanted.insurance() + " is listed twice");
            }
            terms.add(enrolments.checkedTerms(rules, wanted));
        }
        return terms;
    }

    private static IdDocument document(PersonRequest request, LocalDate today) {
        try {
            return IdNumbers.check(request.idType(), request.idNumber(), today);
        } catch (InvalidIdException e) {
            throw ProblemException.invalid("idNumber", e.getMessage());
        }
    }

    /** A value the ID number tells must agree with the declared one; otherwise it must be declared. */
    private static <T> T agreeing(String field, T declared, Optional<T> fromNumber, String idType) {
        if (fromNumber.isPresent()) {
            if (declared != null && !declared.equals(fromNumber.get())) {
                throw ProblemException.invalid(field, "does not match the ID number");
            }
            return fromNumber.get();
        }
        if (declared == null) {
            throw ProblemException.invalid(field, "is required for ID type " + idType);
        }
        return declared;
    }
}
