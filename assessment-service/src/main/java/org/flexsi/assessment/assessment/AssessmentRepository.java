package org.flexsi.assessment.assessment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.flexsi.contracts.Money;
import org.flexsi.contracts.events.LineItem;

/** Assessments and the insurance months each one holds. */
@ApplicationScoped
public class AssessmentRepository {
    private static final String COLUMNS = "id, serial_number, person_id, region, year, source, catalogue_version, status, lines,"
            + " total, created_at, expires_at, close_reason, agency_reference";
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private final EntityManager em;
    private final ObjectMapper mapper;

    public AssessmentRepository(EntityManager em, ObjectMapper mapper) {
        this.em = em;
        this.mapper = mapper;
    }

    /** 核定流水号: region, day and a database sequence, e.g. {@code 37010020260115000000042}. */
    public String nextSerial(String region, LocalDate day) {
        long seq = ((Number) em.createNativeQuery("select nextval('assessment_serial_seq')").getSingleResult()).longValue();
        return region + DAY.format(day) + String.format("%09d", seq);
    }

    public void insert(AssessmentView a, String createdBy) {
        em.createNativeQuery("insert into assessment (" + COLUMNS + ", created_by) values"
                + " (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)")
                .setParameter(1, UUID.fromString(a.assessmentId())).setParameter(2, a.serialNumber()).setParameter(3, a.personId())
                .setParameter(4, a.region()).setParameter(5, a.year()).setParameter(6, a.source())
                .setParameter(7, a.catalogueVersion()).setParameter(8, a.status()).setParameter(9, json(a.lines()))
                .setParameter(10, Money.parse(a.total())).setParameter(11, Timestamp.from(a.createdAt()))
                .setParameter(12, Timestamp.from(a.expiresAt())).setParameter(13, a.closeReason())
                .setParameter(14, a.agencyReference()).setParameter(15, createdBy).executeUpdate();
        for (LineItem line : a.lines()) {
            for (String month : line.months()) {
                em.createNativeQuery("insert into assessment_month (assessment_id, insurance, month) values (?1, ?2, ?3)"
                        + " on conflict do nothing")
                        .setParameter(1, UUID.fromString(a.assessmentId())).setParameter(2, line.insurance())
                        .setParameter(3, month).executeUpdate();
            }
        }
    }

    public Optional<AssessmentView> bySerial(String serial) {
        return first(em.createNativeQuery("select " + COLUMNS + " from assessment where serial_number = ?1")
                .setParameter(1, serial).getResultList());
    }

    public Optional<AssessmentView> bySerialForUpdate(String serial) {
        return first(em.createNativeQuery("select " + COLUMNS + " from assessment where serial_number = ?1 for update")
                .setParameter(1, serial).getResultList());
    }

    public Optional<AssessmentView> byAgencyReference(String reference) {
        return first(em.createNativeQuery("select " + COLUMNS + " from assessment where agency_reference = ?1")
                .setParameter(1, reference).getResultList());
    }

    public List<AssessmentView> byPerson(String personId, String status) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select " + COLUMNS + " from assessment where person_id = ?1"
                + " and (?2 = '' or status = ?2) order by created_at desc limit 200")
                .setParameter(1, personId).setParameter(2, status == null ? "" : status).getResultList();
        return rows.stream().map(this::row).toList();
    }

    /** Serial numbers of still-payable assessments of the person that hold one of the insurance months. */
    public List<String> openHolding(String personId, List<String> insurances, List<String> months, Instant now) {
        @SuppressWarnings("unchecked")
        List<String> serials = em.createNativeQuery("select distinct a.serial_number from assessment a"
                + " join assessment_month m on m.assessment_id = a.id where a.person_id = ?1 and a.status = 'OPEN'"
                + " and a.expires_at > ?2 and m.insurance in (?3) and m.month in (?4)")
                .setParameter(1, personId).setParameter(2, Timestamp.from(now)).setParameter(3, insurances)
                .setParameter(4, months).getResultList();
        return serials;
    }

    /** Months of one insurance that still-payable assessments of the person hold. */
    public Set<String> heldMonths(String personId, String insurance, Instant now) {
        @SuppressWarnings("unchecked")
        List<String> months = em.createNativeQuery("select m.month from assessment a join assessment_month m on m.assessment_id = a.id"
                + " where a.person_id = ?1 and a.status = 'OPEN' and a.expires_at > ?2 and m.insurance = ?3")
                .setParameter(1, personId).setParameter(2, Timestamp.from(now)).setParameter(3, insurance).getResultList();
        return new HashSet<>(months);
    }

    /**
     * Open self-selected assessments of the person holding a month of {@code insurance} from {@code fromMonth} on, locked
     * for closing (an enrolment change priced them on old terms).
     */
    public List<AssessmentView> openSelfSelectedFrom(String personId, String insurance, String fromMonth) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select " + COLUMNS + " from assessment a where a.person_id = ?1"
                + " and a.status = 'OPEN' and a.source = 'SELF_SELECTED' and exists (select 1 from assessment_month m"
                + " where m.assessment_id = a.id and m.insurance = ?2 and m.month >= ?3) order by a.created_at for update")
                .setParameter(1, personId).setParameter(2, insurance).setParameter(3, fromMonth).getResultList();
        return rows.stream().map(this::row).toList();
    }

    /** Closes an open assessment; false when it was not open. */
    public boolean close(String serial, String status, String reason, Instant at) {
        return em.createNativeQuery("update assessment set status = ?2, close_reason = ?3, closed_at = ?4"
                + " where serial_number = ?1 and status = 'OPEN'")
                .setParameter(1, serial).setParameter(2, status).setParameter(3, reason).setParameter(4, Timestamp.from(at))
                .executeUpdate() == 1;
    }

    /** A payment settles the assessment even if it raced the expiry. */
    public void markPaid(String serial, Instant at) {
        em.createNativeQuery("update assessment set status = 'PAID', closed_at = ?2, close_reason = null"
                + " where serial_number = ?1 and status in ('OPEN', 'EXPIRED')")
                .setParameter(1, serial).setParameter(2, Timestamp.from(at)).executeUpdate();
    }

    /** Open assessments past their expiry, locked so that two instances never expire the same one. */
    public List<AssessmentView> dueForExpiry(Instant now, int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select " + COLUMNS + " from assessment where status = 'OPEN'"
                + " and expires_at <= ?1 order by expires_at limit ?2 for update skip locked")
                .setParameter(1, Timestamp.from(now)).setParameter(2, limit).getResultList();
        return rows.stream().map(this::row).toList();
    }

    private Optional<AssessmentView> first(@SuppressWarnings("rawtypes") List rows) {
        return rows.isEmpty() ? Optional.empty() : Optional.of(row((Object[]) rows.get(0)));
    }

    private AssessmentView row(Object[] r) {
        return new AssessmentView(r[0].toString(), (String) r[1], (String) r[2], (String) r[3], (Integer) r[4], (String) r[5],
                (String) r[6], (String) r[7], lines((String) r[8]), Money.text((BigDecimal) r[9]),
                instant(r[10]), instant(r[11]), (String) r[12], (String) r[13]);
    }

    private static Instant instant(Object value) {
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        return (Instant) value;
    }

    private List<LineItem> lines(String json) {
        try {
            return mapper.readValue(json, new TypeReference<List<LineItem>>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored assessment lines are unreadable", e);
        }
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
