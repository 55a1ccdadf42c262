package org.flexsi.payment.person;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;

/** Reads of the registration read model. */
@ApplicationScoped
public class Persons {
    private final EntityManager em;
    private final ResidentIds residentIds;

    public Persons(EntityManager em, ResidentIds residentIds) {
        this.em = em;
        this.residentIds = residentIds;
    }

    public boolean isOnProxyList(String proxyId, String personId) {
        return !em.createNativeQuery("select 1 from proxy_link where proxy_id = ?1 and person_id = ?2")
                .setParameter(1, proxyId).setParameter(2, personId).getResultList().isEmpty();
    }

    /** The person with this ID number and name; both must match, as at a bank counter. */
    public Optional<String> findByIdNumberAndName(String idNumber, String name) {
        @SuppressWarnings("unchecked")
        // by the keyed index; a row not migrated yet (ResidentIds.migrate) still holds the unkeyed digest
        List<String> ids = em.createNativeQuery("select person_id from person where id_number_hash in (?1, ?2)"
                        + " and (id_number_hash = ?1) = id_number_keyed and name = ?3")
                .setParameter(1, residentIds.index(idNumber)).setParameter(2, ResidentIds.legacyDigest(idNumber))
                .setParameter(3, name.strip()).getResultList();
        return ids.stream().findFirst();
    }

    /** The registered name, when person.registered was seen for this id. */
    public Optional<String> name(String personId) {
        @SuppressWarnings("unchecked")
        List<String> names = em.createNativeQuery("select name from person where person_id = ?1")
                .setParameter(1, personId).getResultList();
        return names.stream().findFirst();
    }
}
