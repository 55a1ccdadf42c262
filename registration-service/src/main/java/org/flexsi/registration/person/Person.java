package org.flexsi.registration.person;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.flexsi.platform.problem.ProblemException;
import org.flexsi.registration.identity.IdType;
import org.flexsi.registration.identity.Sex;
import org.flexsi.registration.region.Channel;

/** A registered person (R3). */
@Entity
@Table(name = "person")
public class Person extends PanacheEntityBase {
    @Id
    @Column(name = "person_id")
    public UUID personId;
    @Enumerated(EnumType.STRING)
    @Column(name = "id_type")
    public IdType idType;
    @Column(name = "id_number")
    public String idNumber;
    public String name;
    @Enumerated(EnumType.STRING)
    public Sex sex;
    @Column(name = "birth_date")
    public LocalDate birthDate;
    public String mobile;
    public String region;
    public String district;
    @Column(name = "registered_location")
    public String registeredLocation;
    public String agency;
    @Column(name = "personal_number")
    public String personalNumber;
    public String country;
    public String ethnicity;
    @Column(name = "work_start_date")
    public LocalDate workStartDate;
    @Column(name = "enrolment_date")
    public LocalDate enrolmentDate;
    @Enumerated(EnumType.STRING)
    public Channel channel;
    @Column(name = "registered_by")
    public String registeredBy;
    @Column(name = "registered_at")
    public Instant registeredAt;
    /** Grows by one with every registration change of this person, in the change's transaction (issue 16). */
    @Column(name = "registration_version")
    public long registrationVersion;

    /**
     * The person, locked for a registration change: changes of one person happen one after the other, so each
     * gets its own registration version.
     */
    public static Person forChange(UUID personId) {
        Person person = findById(personId, LockModeType.PESSIMISTIC_WRITE);
        if (person == null) {
            throw ProblemException.notFound("no person " + personId);
        }
        return person;
    }

    public static Person require(UUID personId) {
        Person person = findById(personId);
        if (person == null) {
            throw ProblemException.notFound("no person " + personId);
        }
        return person;
    }

    /** Counts one more registration change; returns the new version. */
    public long nextVersion() {
        registrationVersion++;
        return registrationVersion;
    }

    public static Optional<Person> byIdentity(IdType type, String number) {
        return find("idType = ?1 and idNumber = ?2", type, number).firstResultOptional();
    }
}
