package org.flexsi.payment.person;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;
import org.flexsi.payment.common.Digests;

/** Reads of the registration read model. */
@ApplicationScoped
public class Persons {
    private final EntityManager em;

    public Persons(EntityManager em) {
        this.em = em;
    }

    public boolean isOnProxyList(String proxyId, String personId) {
        return !em.createNativeQuery("select 1 from proxy_link where proxy_id = ?1 and person_id = ?2")
                .setParameter(1, proxyId).setParameter(2, personId).getResultList().isEmpty();
    }

    /** The person with this ID number and name; both must match, as at a bank counter. */
    public Optional<String> findByIdNumberAndName(String idNumber, String name) {
        @SuppressWarnings("unchecked")
        List<String> ids = em.createNativeQuery("select person_id from person where id_number_hash = ?1 and name = ?2")
                .setParameter(1, Digests.idNumber(idNumber)).setParameter(2, name.strip()).getResultList();
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
