package org.flexsi.assessment.assessment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.flexsi.contracts.Json;
import org.flexsi.contracts.Money;
import org.flexsi.contracts.events.LineItem;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** An assessment (核定) and the insurance months it holds while open. */
@Entity
@Table(name = "assessment")
public class Assessment extends PanacheEntityBase {
    public static final String OPEN = "OPEN";
    public static final String PAID = "PAID";
    public static final String EXPIRED = "EXPIRED";
    public static final String CANCELLED = "CANCELLED";
    /** The most of a person's assessments a list shows. */
    private static final int LIST_LIMIT = 200;
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
    /** The lines are kept as the event contract writes them. */
    private static final ObjectMapper JSON = Json.eventMapper();
    private static final TypeReference<List<LineItem>> LINES = new TypeReference<>() {
    };

    /** One insurance month an assessment holds ({@code assessment_month}). */
    @Embeddable
    public record HeldMonth(String insurance, @JdbcTypeCode(SqlTypes.CHAR) String month) {
    }

    @Id
    public UUID id;
    @Column(name = "serial_number")
    public String serialNumber;
    @Column(name = "person_id")
    public String personId;
    @JdbcTypeCode(SqlTypes.CHAR)
    public String region;
    public Integer year;
    public String source;
    @Column(name = "catalogue_version")
    public String catalogueVersion;
    public String status;
    /** The line items as JSON, kept for the record (text). */
    String lines;
    public BigDecimal total;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "expires_at")
    public Instant expiresAt;
    @Column(name = "closed_at")
    public Instant closedAt;
    @Column(name = "close_reason")
    public String closeReason;
    @Column(name = "agency_reference")
    public String agencyReference;
    @ElementCollection
    @CollectionTable(name = "assessment_month", joinColumns = @JoinColumn(name = "assessment_id"))
    Set<HeldMonth> months = new HashSet<>();

    /** The assessment {@code a} as it is stored, holding every month of its lines. */
    static Assessment of(AssessmentView a, String createdBy) {
        Assessment stored = new Assessment();
        stored.id = UUID.fromString(a.assessmentId());
        stored.serialNumber = a.serialNumber();
        stored.personId = a.personId();
        stored.region = a.region();
        stored.year = a.year();
        stored.source = a.source();
        stored.catalogueVersion = a.catalogueVersion();
        stored.status = a.status();
        stored.lines = json(a.lines());
        stored.total = Money.parse(a.total());
        stored.createdBy = createdBy;
        stored.createdAt = a.createdAt();
        stored.expiresAt = a.expiresAt();
        stored.closeReason = a.closeReason();
        stored.agencyReference = a.agencyReference();
        for (LineItem line : a.lines()) {
            line.months().forEach(month -> stored.months.add(new HeldMonth(line.insurance(), month)));
        }
        return stored;
    }

    public AssessmentView view() {
        return new AssessmentView(id.toString(), serialNumber, personId, region, year, source, catalogueVersion, status,
                lineItems(), Money.text(total), createdAt, expiresAt, closeReason, agencyReference);
    }

    public List<LineItem> lineItems() {
        try {
            return JSON.readValue(lines, LINES);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored assessment lines are unreadable", e);
        }
    }

    public boolean open() {
        return OPEN.equals(status);
    }

    /** Cancelled or expired, for {@code reason}; the caller holds the row locked and has seen it open. */
    void close(String newStatus, String reason, Instant at) {
        status = newStatus;
        closeReason = reason;
        closedAt = at;
    }

    /** A payment settles the assessment even if it raced the expiry; a cancelled one stays cancelled. */
    void settle(Instant at) {
        if (open() || EXPIRED.equals(status)) {
            status = PAID;
            closedAt = at;
            closeReason = null;
        }
    }

    /** 核定流水号: region, day and a database sequence, e.g. {@code 37010020260115000000042}. */
    public static String nextSerial(String region, LocalDate day) {
        // native: JPQL has no way to draw from a sequence
        long seq = ((Number) getEntityManager().createNativeQuery("select nextval('assessment_serial_seq')").getSingleResult())
                .longValue();
        return region + DAY.format(day) + String.format("%09d", seq);
    }

    public static Optional<Assessment> bySerial(String serial) {
        return find("serialNumber", serial).singleResultOptional();
    }

    /** Locked for a change of its status. */
    static Optional<Assessment> lockBySerial(String serial) {
        return find("serialNumber", serial).withLock(LockModeType.PESSIMISTIC_WRITE).singleResultOptional();
    }

    public static Optional<Assessment> byAgencyReference(String reference) {
        return find("agencyReference", reference).singleResultOptional();
    }

    /** The person's newest assessments, of one status or all ({@code status} null). */
    static List<Assessment> ofPerson(String personId, String status) {
        Sort newestFirst = Sort.descending("createdAt");
        return (status == null ? find("personId", newestFirst, personId)
                : find("personId = ?1 and status = ?2", newestFirst, personId, status)).page(Page.ofSize(LIST_LIMIT)).list();
    }

    /** Serial numbers of still-payable assessments of the person that hold one of the insurance months. */
    static List<String> openHolding(String personId, List<String> insurances, List<String> months, Instant now) {
        return getEntityManager().createQuery("select distinct a.serialNumber from Assessment a join a.months m"
                        + " where a.personId = ?1 and a.status = 'OPEN' and a.expiresAt > ?2"
                        + " and m.insurance in ?3 and m.month in ?4", String.class)
                .setParameter(1, personId).setParameter(2, now).setParameter(3, insurances).setParameter(4, months)
                .getResultList();
    }

    /** Months of one insurance that still-payable assessments of the person hold. */
    static Set<String> heldMonths(String personId, String insurance, Instant now) {
        return new HashSet<>(getEntityManager().createQuery("select m.month from Assessment a join a.months m"
                        + " where a.personId = ?1 and a.status = 'OPEN' and a.expiresAt > ?2 and m.insurance = ?3", String.class)
                .setParameter(1, personId).setParameter(2, now).setParameter(3, insurance).getResultList());
    }

    /**
     * Open self-selected assessments of the person holding a month of {@code insurance} from {@code fromMonth} on, locked
     * for closing (an enrolment change priced them on old terms).
     */
    static List<Assessment> lockOpenSelfSelectedFrom(String personId, String insurance, String fromMonth) {
        return find("from Assessment a where a.personId = ?1 and a.status = 'OPEN' and a.source = 'SELF_SELECTED'"
                        + " and exists (select 1 from a.months m where m.insurance = ?2 and m.month >= ?3) order by a.createdAt",
                personId, insurance, fromMonth).withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    /** Open assessments past their expiry, locked so that two instances never expire the same one. */
    @SuppressWarnings("unchecked")
    static List<Assessment> lockDueForExpiry(Instant now, int limit) {
        // native: skip locked, so that a second instance takes the next due rows instead of waiting for these
        return getEntityManager().createNativeQuery("select * from assessment where status = 'OPEN' and expires_at <= ?1"
                        + " order by expires_at limit ?2 for update skip locked", Assessment.class)
                .setParameter(1, now).setParameter(2, limit).getResultList();
    }

    private static String json(List<LineItem> lines) {
        try {
            return JSON.writeValueAsString(lines);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
