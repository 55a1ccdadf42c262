package org.flexsi.assessment.catalogue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Catalogue versions in the {@code catalogue} table; a published version's parsed definition is cached, as it never changes. */
@ApplicationScoped
public class CatalogueRepository {
    private static final String COLUMNS = "version, status, definition, created_by, created_at, published_by, published_at";

    private final EntityManager em;
    private final ObjectMapper mapper;
    private final Map<String, Catalogue> publishedDefinitions = new ConcurrentHashMap<>();

    public CatalogueRepository(EntityManager em, ObjectMapper mapper) {
        this.em = em;
        this.mapper = mapper;
    }

    public void insertDraft(String version, Catalogue c, String createdBy, Instant now) {
        em.createNativeQuery("insert into catalogue (version, region, year, status, first_month, last_month, effective_from,"
                + " definition, source, created_by, created_at) values (?1, ?2, ?3, 'DRAFT', ?4, ?5, ?6, ?7, ?8, ?9, ?10)")
                .setParameter(1, version).setParameter(2, c.region()).setParameter(3, c.year())
                .setParameter(4, c.firstMonth().toString()).setParameter(5, c.lastMonth().toString())
                .setParameter(6, c.effectiveFrom()).setParameter(7, json(c)).setParameter(8, c.source())
                .setParameter(9, createdBy).setParameter(10, Timestamp.from(now))
                .executeUpdate();
    }

    /** The next free version name of a region and year, e.g. {@code 370100-2026-v2}. */
    public String nextVersion(String region, int year) {
        Number count = (Number) em.createNativeQuery("select count(*) from catalogue where region = ?1 and year = ?2")
                .setParameter(1, region).setParameter(2, year).getSingleResult();
        return region + "-" + year + "-v" + (count.intValue() + 1);
    }

    public boolean publish(String version, String publishedBy, Instant now) {
        return em.createNativeQuery("update catalogue set status = 'PUBLISHED', published_by = ?2, published_at = ?3"
                + " where version = ?1 and status = 'DRAFT'")
                .setParameter(1, version).setParameter(2, publishedBy).setParameter(3, Timestamp.from(now))
                .executeUpdate() == 1;
    }

    public Optional<CatalogueVersion> find(String version) {
        return first(em.createNativeQuery("select " + COLUMNS + " from catalogue where version = ?1")
                .setParameter(1, version).getResultList());
    }

    public Optional<CatalogueVersion> forUpdate(String version) {
        return first(em.createNativeQuery("select " + COLUMNS + " from catalogue where version = ?1 for update")
                .setParameter(1, version).getResultList());
    }

    /** The latest published version of a region and contribution year. */
    public Optional<CatalogueVersion> published(String region, int year) {
        return first(em.createNativeQuery("select " + COLUMNS + " from catalogue where region = ?1 and year = ?2"
                + " and status = 'PUBLISHED' order by published_at desc, version desc limit 1")
                .setParameter(1, region).setParameter(2, year).getResultList());
    }

    /** The latest published version whose months include {@code month}. */
    public Optional<CatalogueVersion> publishedCovering(String region, YearMonth month) {
        return first(em.createNativeQuery("select " + COLUMNS + " from catalogue where region = ?1 and status = 'PUBLISHED'"
                + " and first_month <= ?2 and last_month >= ?2 order by published_at desc, version desc limit 1")
                .setParameter(1, region).setParameter(2, month.toString()).getResultList());
    }

    public List<CatalogueVersion> list(String region, Integer year) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select " + COLUMNS + " from catalogue where (?1 = '' or region = ?1)"
                + " and (?2 = 0 or year = ?2) order by region, year, version")
                .setParameter(1, region == null ? "" : region).setParameter(2, year == null ? 0 : year).getResultList();
        return rows.stream().map(this::row).toList();
    }

    private Optional<CatalogueVersion> first(@SuppressWarnings("rawtypes") List rows) {
        return rows.isEmpty() ? Optional.empty() : Optional.of(row((Object[]) rows.get(0)));
    }

    private CatalogueVersion row(Object[] r) {
        String version = (String) r[0];
        String status = (String) r[1];
        Catalogue definition = CatalogueVersion.PUBLISHED.equals(status)
                ? publishedDefinitions.computeIfAbsent(version, v -> parse((String) r[2]))
                : parse((String) r[2]);
        return new CatalogueVersion(version, status, definition, (String) r[3], instant(r[4]), (String) r[5], instant(r[6]));
    }

    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        return (Instant) value;
    }

    private Catalogue parse(String json) {
        try {
            return mapper.readValue(json, Catalogue.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored catalogue definition is unreadable", e);
        }
    }

    private String json(Catalogue c) {
        try {
            return mapper.writeValueAsString(c);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
