package org.flexsi.payment.person;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;
import org.flexsi.platform.crypto.FieldCipher;

/** Reads of the registration read model. */
@ApplicationScoped
public class Persons {
    /** The encrypted name column, as listed in {@code flexsi.crypto.encrypted-columns}. */
    public static final String NAME_COLUMN = "person.name";

    private final EntityManager em;
    private final ResidentIds residentIds;
    private final FieldCipher cipher;

    public Persons(EntityManager em, ResidentIds residentIds, FieldCipher cipher) {
        this.em = em;
        this.residentIds = residentIds;
        this.cipher = cipher;
    }

    public boolean isOnProxyList(String proxyId, String personId) {
        return !em.createNativeQuery("select 1 from proxy_link where proxy_id = ?1 and person_id = ?2")
                .setParameter(1, proxyId).setParameter(2, personId).getResultList().isEmpty();
    }

    /** The person with this ID number and name; both must match, as at a bank counter. */
    public Optional<String> findByIdNumberAndName(String idNumber, String name) {
        @SuppressWarnings("unchecked")
        // by the keyed index; a row not migrated yet (ResidentIds.migrate) still holds the unkeyed digest.
        // The name is encrypted, so it is compared here, on the few rows of that number.
        List<Object[]> rows = em.createNativeQuery("select person_id, name from person where id_number_hash in (?1, ?2)"
                        + " and (id_number_hash = ?1) = id_number_keyed")
                .setParameter(1, residentIds.index(idNumber)).setParameter(2, ResidentIds.legacyDigest(idNumber))
                .getResultList();
        return rows.stream().filter(row -> name.strip().equals(cipher.decrypt(NAME_COLUMN, (String) row[1])))
                .map(row -> (String) row[0]).findFirst();
    }

    /** The registered name, when person.registered was seen for this id. */
    public Optional<String> name(String personId) {
        @SuppressWarnings("unchecked")
        List<String> names = em.createNativeQuery("select name from person where person_id = ?1")
                .setParameter(1, personId).getResultList();
        return names.stream().findFirst().map(stored -> cipher.decrypt(NAME_COLUMN, stored));
    }

    /** A registered name as it is stored. */
    String seal(String name) {
        return cipher.encrypt(NAME_COLUMN, name.strip());
    }
}
