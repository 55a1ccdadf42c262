package org.flexsi.assessment.catalogue;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A catalogue version as the {@code catalogue} table keeps it, its definition as JSON text; {@link CatalogueRepository}
 * reads it as a {@link CatalogueVersion}. The database refuses any change to a published one.
 */
@Entity
@Table(name = "catalogue")
class StoredCatalogue extends PanacheEntityBase {
    @Id
    String version;
    @JdbcTypeCode(SqlTypes.CHAR)
    String region;
    int year;
    String status;
    @Column(name = "first_month")
    @JdbcTypeCode(SqlTypes.CHAR)
    String firstMonth;
    @Column(name = "last_month")
    @JdbcTypeCode(SqlTypes.CHAR)
    String lastMonth;
    @Column(name = "effective_from")
    LocalDate effectiveFrom;
    String definition;
    String source;
    @Column(name = "created_by")
    String createdBy;
    @Column(name = "created_at")
    Instant createdAt;
    @Column(name = "published_by")
    String publishedBy;
    @Column(name = "published_at")
    Instant publishedAt;
}
