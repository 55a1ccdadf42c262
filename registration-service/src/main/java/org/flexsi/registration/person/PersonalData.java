package org.flexsi.registration.person;

import io.quarkus.arc.Arc;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;
import org.flexsi.platform.crypto.BlindIndex;
import org.flexsi.platform.crypto.FieldCipher;

/**
 * Personal data of persons at rest (issue 17): the ID number, name, mobile and birth date are stored encrypted (AES-256-GCM,
 * the column as context), a person is found by his ID number through a keyed blind index, and the masked forms that
 * lists show are stored beside them, so a list never decrypts more than the names it shows.
 */
@ApplicationScoped
public class PersonalData {
    public static final String ID_NUMBER = "person.id_number";
    public static final String NAME = "person.name";
    public static final String MOBILE = "person.mobile";
    public static final String BIRTH_DATE = "person.birth_date";
    public static final String PERSONAL_NUMBER = "person.personal_number";
    /** The index space of identity document numbers; every ID type shares it (the unique index includes the type). */
    static final String INDEX_KIND = "resident-id";

    private final FieldCipher cipher;
    private final BlindIndex index;

    public PersonalData(FieldCipher cipher, BlindIndex index) {
        this.cipher = cipher;
        this.index = index;
    }

    /** For entities, which are not beans. */
    static PersonalData current() {
        return Arc.container().instance(PersonalData.class).get();
    }

    /** The blind index of an ID number, blanks and the case of the check character X ignored. */
    public String index(String idNumber) {
        return index.of(INDEX_KIND, normalized(idNumber));
    }

    public static String normalized(String idNumber) {
        return idNumber.strip().toUpperCase(Locale.ROOT);
    }

    String seal(String column, String value) {
        return cipher.encrypt(column, value);
    }

    /** The value of a stored one; a row written before encryption reads as it is until re-encryption moves it. */
    String open(String column, String stored) {
        return cipher.decrypt(column, stored);
    }
}
