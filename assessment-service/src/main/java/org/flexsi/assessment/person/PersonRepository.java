package org.flexsi.assessment.person;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.flexsi.assessment.catalogue.Insurance;
import org.flexsi.platform.crypto.BlindIndex;
import org.flexsi.platform.crypto.FieldCipher;

/** The read model of registration and payment events: persons, enrolments, gaps, proxies, paid months. */
@ApplicationScoped
public class PersonRepository {
    /** The blind index kind of ID numbers: payment-service uses the same, so a person has one index everywhere. */
    public static final String ID_NUMBER_INDEX = "resident-id";
    /** The encrypted name column, as listed in {@code flexsi.crypto.encrypted-columns}. */
    public static final String NAME_COLUMN = "person.name";

    private final EntityManager em;
    private final BlindIndex index;
    private final FieldCipher cipher;

    public PersonRepository(EntityManager em, BlindIndex index, FieldCipher cipher) {
        this.em = em;
        this.index = index;
        this.cipher = cipher;
    }

    /**
     * ID numbers are matched by their keyed blind index (issue 17): the read model never holds one in clear, nor an
     * unkeyed hash of one. The normalisation (stripped, upper case) is the one the unkeyed hash used, so a migrated row
     * ({@link IdNumberIndexBackfill}) and a new one index the same number alike.
     */
    public String idNumberIndex(String idNumber) {
        return index.of(ID_NUMBER_INDEX, idNumber.strip().toUpperCase(Locale.ROOT));
    }

    /** The read model of person.registered: the ID number only as its index, the name encrypted. */
    public void upsertPerson(String personId, String idNumber, String name, String region, Instant registeredAt) {
        em.createNativeQuery("insert into person (person_id, id_number_hash, id_number_keyed, name, region, registered_at)"
                + " values (?1, ?2, true, ?3, ?4, ?5)"
                + " on conflict (person_id) do update set id_number_hash = excluded.id_number_hash, id_number_keyed = true,"
                + " name = excluded.name, region = excluded.region")
                .setParameter(1, personId).setParameter(2, idNumberIndex(idNumber))
                .setParameter(3, cipher.encrypt(NAME_COLUMN, name))
                .setParameter(4, region).setParameter(5, Timestamp.from(registeredAt)).executeUpdate();
    }

    public Optional<Person> person(String personId) {
        return Person.findByIdOptional(personId);
    }

    /** The person with this ID number (by its index) whose name, decrypted, is the one given. */
    public Optional<Person> byNameAndIdNumber(String name, String idNumber) {
        String wanted = name.strip();
        return Person.<Person>find("idNumberIndex = ?1 and idNumberKeyed = true", Sort.by("personId"), idNumberIndex(idNumber))
                .stream().filter(p -> wanted.equals(String.valueOf(cipher.decrypt(NAME_COLUMN, p.sealedName)).strip()))
                .findFirst();
    }

    /**
     * Enrolled (anew): the enrolment is created or its terms replaced. Through the entity rather than an upsert, as the
     * same consumer transaction may go on to change the row through the entity (a stale copy would write old terms
     * back); a person's events are applied one at a time (one partition, the inbox's claim), so nothing races the insert.
     */
    public void startEnrolment(String personId, String insurance, String region, String firstMonth, String grade, String base,
            String rate, String plan, Instant at) {
        Enrolment enrolment = enrolment(personId, insurance).orElseGet(() -> Enrolment.of(personId, insurance));
        enrolment.start(region, firstMonth, grade, decimal(base), rate, plan, at);
        if (!enrolment.isPersistent()) {
            enrolment.persist();
        }
    }

    /** Interrupted or suspended: covered up to {@code lastCovered}, a gap opens after it. */
    public void stopEnrolment(String personId, String insurance, String status, YearMonth lastCovered, Instant at) {
        enrolment(personId, insurance).ifPresent(e -> e.stop(status, lastCovered, at));
        // upsert: the gap may be open already
        em.createNativeQuery("insert into enrolment_gap (person_id, insurance, from_month) values (?1, ?2, ?3)"
                + " on conflict do nothing")
                .setParameter(1, personId).setParameter(2, insurance).setParameter(3, lastCovered.plusMonths(1).toString())
                .executeUpdate();
    }

    /** Continued (续保) from {@code from}: the open gap closes the month before; a choice given replaces the old one. */
    public void continueEnrolment(String personId, String insurance, YearMonth from, String grade, String base, String rate,
            String plan, Instant at) {
        enrolment(personId, insurance).ifPresent(e -> e.resume(grade, decimal(base), rate, plan, at));
        EnrolmentGap.delete("personId = ?1 and insurance = ?2 and toMonth is null and fromMonth >= ?3",
                personId, insurance, from.toString());
        EnrolmentGap.update("toMonth = ?3 where personId = ?1 and insurance = ?2 and toMonth is null",
                personId, insurance, from.minusMonths(1).toString());
    }

    /** R5: the medical rate change interrupts and re-enrols in one step; here only the rate and plan change. */
    public void changeMedicalRate(String personId, String newRate, String newPlan, Instant at) {
        enrolment(personId, Insurance.MEDICAL.name()).ifPresent(e -> e.changeRate(newRate, newPlan, at));
    }

    public List<Enrolment> enrolments(String personId) {
        return Enrolment.list("personId", Sort.by("insurance"), personId);
    }

    /** Closed or open interruptions (back-pay candidates), per insurance. */
    public List<EnrolmentGap> gaps(String personId) {
        return EnrolmentGap.list("personId", Sort.by("insurance").and("fromMonth"), personId);
    }

    /** Keeps the highest registration version seen for the person; an older or missing one changes nothing. */
    public void sawRegistrationVersion(String personId, Long version) {
        if (version == null) {
            return;
        }
        em.createNativeQuery("insert into registration_version (person_id, version) values (?1, ?2)"
                + " on conflict (person_id) do update set version = greatest(registration_version.version, excluded.version)")
                .setParameter(1, personId).setParameter(2, version).executeUpdate();
    }

    /** The highest registration version consumed for the person, 0 when none. */
    public long registrationVersion(String personId) {
        return RegistrationVersion.<RegistrationVersion>findByIdOptional(personId).map(v -> v.version).orElse(0L);
    }

    public void link(String personId, String proxyId) {
        // upsert: a link seen again stays one
        em.createNativeQuery("insert into proxy_link (person_id, proxy_id) values (?1, ?2) on conflict do nothing")
                .setParameter(1, personId).setParameter(2, proxyId).executeUpdate();
    }

    public void unlink(String personId, String proxyId) {
        ProxyLink.delete("personId = ?1 and proxyId = ?2", personId, proxyId);
    }

    public boolean isProxyOf(String proxyId, String personId) {
        return ProxyLink.count("personId = ?1 and proxyId = ?2", personId, proxyId) > 0;
    }

    public void markPaid(String personId, String insurance, String month, String paymentId, String serial) {
        // upsert: a month paid twice keeps the payment that paid it first
        em.createNativeQuery("insert into paid_month (person_id, insurance, month, payment_id, assessment_serial)"
                + " values (?1, ?2, ?3, ?4, ?5) on conflict do nothing")
                .setParameter(1, personId).setParameter(2, insurance).setParameter(3, month).setParameter(4, paymentId)
                .setParameter(5, serial).executeUpdate();
    }

    public void unmarkPaid(String personId, String insurance, String month, String paymentId) {
        PaidMonth.delete("personId = ?1 and insurance = ?2 and month = ?3 and paymentId = ?4", personId, insurance, month,
                paymentId);
    }

    /** "INSURANCE|YYYY-MM" of every paid month of the person. */
    public Set<String> paidMonths(String personId) {
        return PaidMonth.<PaidMonth>stream("personId", personId).map(p -> p.insurance + "|" + p.month)
                .collect(Collectors.toSet());
    }

    private static Optional<Enrolment> enrolment(String personId, String insurance) {
        return Enrolment.findByIdOptional(new Enrolment.Key(personId, insurance));
    }

    private static BigDecimal decimal(String value) {
        return value == null ? null : new BigDecimal(value);
    }
}
