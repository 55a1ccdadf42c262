package org.flexsi.registration.proxy;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
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

/**
 * A person on a proxy payer's list (R21), with the date the person consented. A link the proxy asks for is PENDING
 * and grants nothing; it becomes ACTIVE when the person confirms it, or when an agency serving the person's region
 * records it at the counter with evidence (issue 17).
 */
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
    @Enumerated(EnumType.STRING)
    public Status status;
    /** Who made it active: the person himself, or the agency that recorded it. */
    @Column(name = "confirmed_by")
    public String confirmedBy;
    @Column(name = "confirmed_role")
    public String confirmedRole;
    /** For a link recorded at the counter: the evidence seen, such as the signed consent form's number. */
    public String evidence;
    @Column(name = "confirmed_at")
    public Instant confirmedAt;

    public enum Status {
        /** Asked for by the proxy; waits for the person (or an agency) and grants nothing. */
        PENDING,
        /** Confirmed: the proxy may see and pay for the person. */
        ACTIVE
    }

    public boolean active() {
        return status == Status.ACTIVE;
    }

    public static boolean exists(String proxyId, UUID personId) {
        return count("proxyId = ?1 and personId = ?2", proxyId, personId) > 0;
    }

    /** Whether the proxy may act for the person: only over a confirmed link. */
    public static boolean isActive(String proxyId, UUID personId) {
        return count("proxyId = ?1 and personId = ?2 and status = ?3", proxyId, personId, Status.ACTIVE) > 0;
    }

    public static List<ProxyLink> ofPerson(UUID personId) {
        return list("personId = ?1 order by linkedAt", personId);
    }

    public static Optional<ProxyLink> of(String proxyId, UUID personId) {
        return find("proxyId = ?1 and personId = ?2", proxyId, personId).firstResultOptional();
    }

    public static List<ProxyLink> listOf(String proxyId) {
        return list("proxyId = ?1 order by linkedAt", proxyId);
    }
}
