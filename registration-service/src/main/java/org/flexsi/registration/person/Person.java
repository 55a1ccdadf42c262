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
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.annotations.DynamicUpdate;
import org.flexsi.platform.problem.ProblemException;
import org.flexsi.platform.privacy.Masking;
import org.flexsi.registration.identity.IdType;
import org.flexsi.registration.identity.Sex;
import org.flexsi.registration.region.Channel;

/**
 * A registered person (R3). The ID number, name, mobile and birth date are stored encrypted and decrypted only when read
 * ({@link PersonalData}); only changed columns are written, so a change of a person never rewrites them.
 */
@Entity
@DynamicUpdate
@Table(name = "person")
public class Person extends PanacheEntityBase {
    @Id
    @Column(name = "person_id")
    public UUID personId;
    @Enumerated(EnumType.STRING)
    @Column(name = "id_type")
    public IdType idType;
    /** Encrypted ({@link PersonalData#ID_NUMBER}); read with {@link #idNumber()}. */
    @Column(name = "id_number")
    String sealedIdNumber;
    /** The keyed blind index of the ID number: lookups and the unique identity go through it. */
    @Column(name = "id_number_index")
    String idNumberIndex;
    /** The masked ID number, in plain text for lists. */
    @Column(name = "id_number_masked")
    String maskedIdNumber;
    /** Encrypted ({@link PersonalData#NAME}); read with {@link #name()}. */
    @Column(name = "name")
    String sealedName;
    @Enumerated(EnumType.STRING)
    public Sex sex;
    /**
     * Encrypted ({@link PersonalData#BIRTH_DATE}) like the number that holds it: in plain text beside the masked number
     * it would leave only two digits of the number unknown. Read with {@link #birthDate()}.
     */
    @Column(name = "birth_date")
    String sealedBirthDate;
    /** Encrypted ({@link PersonalData#MOBILE}); read with {@link #mobile()}. */
    @Column(name = "mobile")
    String sealedMobile;
    @Column(name = "mobile_masked")
    String maskedMobile;
    public String region;
    public String district;
    @Column(name = "registered_location")
    public String registeredLocation;
    public String agency;
    /** Encrypted ({@link PersonalData#PERSONAL_NUMBER}); read with {@link #personalNumber()}. */
    @Column(name = "personal_number")
    String sealedPersonalNumber;
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

    /** Sets the identity: the ID number encrypted, its blind index and its masked form. */
    void identify(PersonalData data, String idNumber, String name, String mobile, LocalDate birthDate) {
        String number = PersonalData.normalized(idNumber);
        sealedIdNumber = data.seal(PersonalData.ID_NUMBER, number);
        idNumberIndex = data.index(number);
        maskedIdNumber = Masking.idNumber(number);
        sealedName = data.seal(PersonalData.NAME, name);
        sealedMobile = data.seal(PersonalData.MOBILE, mobile);
        maskedMobile = Masking.mobile(mobile);
        sealedBirthDate = data.seal(PersonalData.BIRTH_DATE, birthDate.toString());
    }

    public String idNumber() {
        return PersonalData.current().open(PersonalData.ID_NUMBER, sealedIdNumber);
    }

    public String name() {
        return PersonalData.current().open(PersonalData.NAME, sealedName);
    }

    public LocalDate birthDate() {
        return LocalDate.parse(PersonalData.current().open(PersonalData.BIRTH_DATE, sealedBirthDate));
    }

    public String mobile() {
        return PersonalData.current().open(PersonalData.MOBILE, sealedMobile);
    }

    /** The agency's personal number, if it gave one. */
    public String personalNumber() {
        return PersonalData.current().open(PersonalData.PERSONAL_NUMBER, sealedPersonalNumber);
    }

    void personalNumber(PersonalData data, String personalNumber) {
        sealedPersonalNumber = data.seal(PersonalData.PERSONAL_NUMBER, personalNumber);
    }

    /** The masked ID number, without decrypting (a row from before its masked form was filled in is masked now). */
    public String maskedIdNumber() {
        return maskedIdNumber != null ? maskedIdNumber : Masking.idNumber(idNumber());
    }

    public String maskedMobile() {
        if (sealedMobile == null) {
            return null;
        }
        return maskedMobile != null ? maskedMobile : Masking.mobile(mobile());
    }

    /** The person with this identity, found by the blind index of the number ({@link PersonalData#index}). */
    public static Optional<Person> byIdentity(IdType type, String idNumberIndex) {
        return find("idType = ?1 and idNumberIndex = ?2", type, idNumberIndex).firstResultOptional();
    }

    /** The persons with any of these ID number indexes. */
    public static List<Person> byIndexes(Collection<String> idNumberIndexes) {
        return list("idNumberIndex in ?1", idNumberIndexes);
    }

    public String idNumberIndex() {
        return idNumberIndex;
    }
}
