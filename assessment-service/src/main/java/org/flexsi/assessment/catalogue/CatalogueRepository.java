package org.flexsi.assessment.catalogue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Catalogue versions in the {@code catalogue} table; a published version's parsed definition is cached, as it never changes. */
@ApplicationScoped
public class CatalogueRepository {
    /** Of several published versions, the one published last. */
    private static final Sort LATEST = Sort.descending("publishedAt", "version");

    private final ObjectMapper mapper;
    private final Map<String, Catalogue> publishedDefinitions = new ConcurrentHashMap<>();

    public CatalogueRepository(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public void insertDraft(String version, Catalogue c, String createdBy, Instant now) {
        StoredCatalogue draft = new StoredCatalogue();
        draft.version = version;
        draft.region = c.region();
        draft.year = c.year();
        draft.status = CatalogueVersion.DRAFT;
        draft.firstMonth = c.firstMonth().toString();
        draft.lastMonth = c.lastMonth().toString();
        draft.effectiveFrom = c.effectiveFrom();
        draft.definition = json(c);
        draft.source = c.source();
        draft.createdBy = createdBy;
        draft.createdAt = now;
        draft.persist();
        readBack(draft);
    }

    /** The next free version name of a region and year, e.g. {@code 370100-2026-v2}. */
    public String nextVersion(String region, int year) {
        return region + "-" + year + "-v" + (StoredCatalogue.count("region = ?1 and year = ?2", region, year) + 1);
    }

    public boolean publish(String version, String publishedBy, Instant now) {
        StoredCatalogue c = StoredCatalogue.findById(version);
        if (c == null || !CatalogueVersion.DRAFT.equals(c.status)) {
            return false;
        }
        c.status = CatalogueVersion.PUBLISHED;
        c.publishedBy = publishedBy;
        c.publishedAt = now;
        readBack(c);
        return true;
    }

    public Optional<CatalogueVersion> find(String version) {
        return StoredCatalogue.<StoredCatalogue>findByIdOptional(version).map(this::version);
    }

    public Optional<CatalogueVersion> forUpdate(String version) {
        return StoredCatalogue.<StoredCatalogue>findByIdOptional(version, LockModeType.PESSIMISTIC_WRITE).map(this::version);
    }

    /** The latest published version of a region and contribution year. */
    public Optional<CatalogueVersion> published(String region, int year) {
        return latest(StoredCatalogue.find("region = ?1 and year = ?2 and status = 'PUBLISHED'", LATEST, region, year));
    }

    /** The latest published version whose months include {@code month}. */
    public Optional<CatalogueVersion> publishedCovering(String region, YearMonth month) {
        return latest(StoredCatalogue.find("region = ?1 and status = 'PUBLISHED' and firstMonth <= ?2 and lastMonth >= ?2", LATEST,
                region, month.toString()));
    }

    public List<CatalogueVersion> list(String region, Integer year) {
        return StoredCatalogue.<StoredCatalogue>find("(?1 = '' or region = ?1) and (?2 = 0 or year = ?2)",
                        Sort.by("region").and("year").and("version"), region == null ? "" : region, year == null ? 0 : year)
                .stream().map(this::version).toList();
    }

    private Optional<CatalogueVersion> latest(PanacheQuery<StoredCatalogue> newestFirst) {
        return newestFirst.<StoredCatalogue>firstResultOptional().map(this::version);
    }

    /** Writes the row now and reads it back: the answer shows its times as the database keeps them (microseconds). */
    private static void readBack(StoredCatalogue c) {
        StoredCatalogue.flush();
        StoredCatalogue.getEntityManager().refresh(c);
    }

    private CatalogueVersion version(StoredCatalogue c) {
        Catalogue definition = CatalogueVersion.PUBLISHED.equals(c.status)
                ? publishedDefinitions.computeIfAbsent(c.version, v -> parse(c.definition))
                : parse(c.definition);
        return new CatalogueVersion(c.version, c.status, definition, c.createdBy, c.createdAt, c.publishedBy, c.publishedAt);
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
