package org.flexsi.certificate.person;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The name and masked ID number a certificate prints; the full ID number is never stored here. */
@Entity
@Table(name = "person")
public class Person extends PanacheEntityBase {
    @Id
    @Column(name = "person_id")
    public String personId;
    public String name;
    @Column(name = "id_type")
    public String idType;
    @Column(name = "masked_id_number")
    public String maskedIdNumber;
    public String region;
    public String agency;
}
