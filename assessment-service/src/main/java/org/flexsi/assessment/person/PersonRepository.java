package org.flexsi.assessment.person;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
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
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select person_id, region from person where person_id = ?1")
                .setParameter(1, personId).getResultList();
        return rows.stream().findFirst().map(r -> new Person((String) r[0], (String) r[1]));
    }

    /** The person with this ID number (by its index) whose name, decrypted, is the one given. */
    public Optional<Person> byNameAndIdNumber(String name, String idNumber) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select person_id, name, region from person"
                        + " where id_number_hash = ?1 and id_number_keyed order by person_id")
                .setParameter(1, idNumberIndex(idNumber)).getResultList();
        String wanted = name.strip();
        return rows.stream().filter(r -> wanted.equals(String.valueOf(cipher.decrypt(NAME_COLUMN, (String) r[1])).strip()))
                .findFirst().map(r -> new Person((String) r[0], (String) r[2]));
    }

    public void startEnrolment(String personId, String insurance, String region, String firstMonth, String grade, String base,
            String rate, String plan, Instant at) {
        em.createNativeQuery("insert into enrolment (person_id, insurance, region, status, first_month, grade, base, rate, plan, updated_at)"
                + " values (?1, ?2, ?3, 'ACTIVE', ?4, ?5, ?6, ?7, ?8, ?9) on conflict (person_id, insurance) do update set"
                + " region = excluded.region, status = 'ACTIVE', first_month = least(enrolment.first_month, excluded.first_month),"
                + " last_covered_month = null, grade = excluded.grade, base = excluded.base, rate = excluded.rate,"
                + " plan = excluded.plan, updated_at = excluded.updated_at")
                .setParameter(1, personId).setParameter(2, insurance).setParameter(3, region).setParameter(4, firstMonth)
                .setParameter(5, grade).setParameter(6, base == null ? null : new BigDecimal(base)).setParameter(7, rate)
                .setParameter(8, plan).setParameter(9, Timestamp.from(at)).executeUpdate();
    }

    /** Interrupted or suspended: covered up to {@code lastCovered}, a gap opens after it. */
    public void stopEnrolment(String personId, String insurance, String status, YearMonth lastCovered, Instant at) {
        em.createNativeQuery("update enrolment set status = ?3, last_covered_month = ?4, updated_at = ?5"
                + " where person_id = ?1 and insurance = ?2")
                .setParameter(1, personId).setParameter(2, insurance).setParameter(3, status)
                .setParameter(4, lastCovered.toString()).setParameter(5, Timestamp.from(at)).executeUpdate();
        em.createNativeQuery("insert into enrolment_gap (person_id, insurance, from_month) values (?1, ?2, ?3)"
                + " on conflict do nothing")
                .setParameter(1, personId).setParameter(2, insurance).setParameter(3, lastCovered.plusMonths(1).toString())
                .executeUpdate();
    }

    /** Continued (续保) from {@code from}: the open gap closes the month before; a choice given replaces the old one. */
    public void continueEnrolment(String personId, String insurance, YearMonth from, String grade, String base, String rate,
            String plan, Instant at) {
        em.createNativeQuery("update enrolment set status = 'ACTIVE', last_covered_month = null, grade = coalesce(?3, grade),"
                + " base = coalesce(?4, base), rate = coalesce(?5, rate), plan = coalesce(?6, plan), updated_at = ?7"
                + " where person_id = ?1 and insurance = ?2")
                .setParameter(1, personId).setParameter(2, insurance).setParameter(3, grade)
                .setParameter(4, base == null ? null : new BigDecimal(base)).setParameter(5, rate).setParameter(6, plan)
                .setParameter(7, Timestamp.from(at)).executeUpdate();
        em.createNativeQuery("delete from enrolment_gap where person_id = ?1 and insurance = ?2 and to_month is null and from_month >= ?3")
                .setParameter(1, personId).setParameter(2, insurance).setParameter(3, from.toString()).executeUpdate();
        em.createNativeQuery("update enrolment_gap set to_month = ?3 where person_id = ?1 and insurance = ?2 and to_month is null")
                .setParameter(1, personId).setParameter(2, insurance).setParameter(3, from.minusMonths(1).toString()).executeUpdate();
    }

    /** R5: the medical rate change interrupts and re-enrols in one step; here only the rate and plan change. */
    public void changeMedicalRate(String personId, String newRate, String newPlan, Instant at) {
        em.createNativeQuery("update enrolment set rate = ?2, plan = coalesce(?3, plan), updated_at = ?4"
                + " where person_id = ?1 and insurance = 'MEDICAL'")
                .setParameter(1, personId).setParameter(2, newRate).setParameter(3, newPlan).setParameter(4, Timestamp.from(at))
                .executeUpdate();
    }

    public List<Enrolment> enrolments(String personId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select person_id, insurance, region, status, first_month, last_covered_month,"
                + " grade, base, rate, plan from enrolment where person_id = ?1 order by insurance")
                .setParameter(1, personId).getResultList();
        return rows.stream().map(r -> new Enrolment((String) r[0], Insurance.valueOf((String) r[1]), (String) r[2], (String) r[3],
                YearMonth.parse((String) r[4]), r[5] == null ? null : YearMonth.parse((String) r[5]), (String) r[6],
                (BigDecimal) r[7], (String) r[8], (String) r[9])).toList();
    }

    /** Months of closed or open interruptions (back-pay candidates), per insurance. */
    public List<Object[]> gaps(String personId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select insurance, from_month, to_month from enrolment_gap where person_id = ?1"
                + " order by insurance, from_month").setParameter(1, personId).getResultList();
        return rows;
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
        @SuppressWarnings("unchecked")
        List<Number> rows = em.createNativeQuery("select version from registration_version where person_id = ?1")
                .setParameter(1, personId).getResultList();
        return rows.isEmpty() ? 0 : rows.get(0).longValue();
    }

    public void link(String personId, String proxyId) {
        em.createNativeQuery("insert into proxy_link (person_id, proxy_id) values (?1, ?2) on conflict do nothing")
                .setParameter(1, personId).setParameter(2, proxyId).executeUpdate();
    }

    public void unlink(String personId, String proxyId) {
        em.createNativeQuery("delete from proxy_link where person_id = ?1 and proxy_id = ?2")
                .setParameter(1, personId).setParameter(2, proxyId).executeUpdate();
    }

    public boolean isProxyOf(String proxyId, String personId) {
        return !em.createNativeQuery("select 1 from proxy_link where person_id = ?1 and proxy_id = ?2")
                .setParameter(1, personId).setParameter(2, proxyId).getResultList().isEmpty();
    }

    public void markPaid(String personId, String insurance, String month, String paymentId, String serial) {
        em.createNativeQuery("insert into paid_month (person_id, insurance, month, payment_id, assessment_serial)"
                + " values (?1, ?2, ?3, ?4, ?5) on conflict do nothing")
                .setParameter(1, personId).setParameter(2, insurance).setParameter(3, month).setParameter(4, paymentId)
                .setParameter(5, serial).executeUpdate();
    }

    public void unmarkPaid(String personId, String insurance, String month, String paymentId) {
        em.createNativeQuery("delete from paid_month where person_id = ?1 and insurance = ?2 and month = ?3 and payment_id = ?4")
                .setParameter(1, personId).setParameter(2, insurance).setParameter(3, month).setParameter(4, paymentId)
                .executeUpdate();
    }

    /** "INSURANCE|YYYY-MM" of every paid month of the person. */
    public Set<String> paidMonths(String personId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select insurance, month from paid_month where person_id = ?1")
                .setParameter(1, personId).getResultList();
        Set<String> out = new HashSet<>();
        for (Object[] r : rows) {
            out.add(r[0] + "|" + r[1]);
        }
        return out;
    }
}
