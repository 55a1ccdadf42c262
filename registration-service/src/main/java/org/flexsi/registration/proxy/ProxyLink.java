package org.flexsi.registration.proxy;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** A person on a proxy payer's list (R21), with the date the person consented. */
@Entity
@Table(name = "proxy_link")
@IdClass(ProxyLink.Key.class)
public class ProxyLink extends PanacheEntityBase {
    /** The composite key, as JPA wants it: a class with the id fields' names. */
    public static class Key implements Serializable {
        public String proxyId;
        public UUID personId;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(proxyId, key.proxyId) && Objects.equals(personId, key.personId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(proxyId, personId);
        }
    }

    @Id
    @Column(name = "proxy_id")
    public String proxyId;
    @Id
    @Column(name = "person_id")
    public UUID personId;
    @Column(name = "consent_date")
    public LocalDate consentDate;
    public String relationship;
    @Column(name = "linked_at")
    public Instant linkedAt;

    public static boolean exists(String proxyId, UUID personId) {
        return count("proxyId = ?1 and personId = ?2", proxyId, personId) > 0;
    }

    public static Optional<ProxyLink> of(String proxyId, UUID personId) {
        return find("proxyId = ?1 and personId = ?2", proxyId, personId).firstResultOptional();
    }

    public static List<ProxyLink> listOf(String proxyId) {
        return list("proxyId = ?1 order by linkedAt", proxyId);
    }
}
