package org.flexsi.assessment.person;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.DynamicUpdate;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A registered person as far as assessments need one (the read model of person.registered). The ID number is kept only
 * as its keyed blind index and the name only encrypted, for the lookup by name and ID number; neither is needed beyond
 * it. Written by an upsert ({@link PersonRepository#upsertPerson}), read here; only changed columns are written (the
 * index backfill never rewrites the name).
 */
@Entity
@DynamicUpdate
@Table(name = "person")
public class Person extends PanacheEntityBase {
    @Id
    @Column(name = "person_id")
    String personId;
    /** {@link PersonRepository#idNumberIndex} of the ID number once {@link #idNumberKeyed}; before, its unkeyed SHA-256. */
    @Column(name = "id_number_hash")
    @JdbcTypeCode(SqlTypes.CHAR)
    String idNumberIndex;
    @Column(name = "id_number_keyed")
    boolean idNumberKeyed;
    /** Encrypted ({@link PersonRepository#NAME_COLUMN}), opened only to compare it in the lookup. */
    @Column(name = "name")
    String sealedName;
    @JdbcTypeCode(SqlTypes.CHAR)
    String region;
    @Column(name = "registered_at")
    Instant registeredAt;

    public String personId() {
        return personId;
    }

    public String region() {
        return region;
    }
}
