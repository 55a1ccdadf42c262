package org.flexsi.assessment.person;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The highest registration version of a person this service has consumed (issue 16). */
@Entity
@Table(name = "registration_version")
class RegistrationVersion extends PanacheEntityBase {
    @Id
    @Column(name = "person_id")
    String personId;
    long version;
}
