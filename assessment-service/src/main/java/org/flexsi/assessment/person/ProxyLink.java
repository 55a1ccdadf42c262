package org.flexsi.assessment.person;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;

/** A proxy payer on a person's list (R21). */
@Entity
@Table(name = "proxy_link")
@IdClass(ProxyLink.Key.class)
class ProxyLink extends PanacheEntityBase {
    record Key(String personId, String proxyId) implements Serializable {
    }

    @Id
    @Column(name = "person_id")
    String personId;
    @Id
    @Column(name = "proxy_id")
    String proxyId;
}
