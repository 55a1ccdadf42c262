package org.flexsi.registration.person;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.UUID;
import org.flexsi.platform.problem.ProblemException;
import org.flexsi.registration.proxy.ProxyLink;

/**
 * Who may read a person: agencies and operations anyone, a contributor only himself (token subject =
 * person id), a proxy payer only the persons on his list (R21).
 */
@ApplicationScoped
public class PersonAccess {

    @Transactional(Transactional.TxType.SUPPORTS)
    public void checkCanRead(SecurityIdentity identity, UUID personId) {
        if (identity.hasRole("agency") || identity.hasRole("ops")) {
            return;
        }
        String subject = identity.getPrincipal().getName();
        if (identity.hasRole("contributor") && personId.toString().equals(subject)) {
            return;
        }
        if (identity.hasRole("proxy") && ProxyLink.exists(subject, personId)) {
            return;
        }
        throw ProblemException.forbidden("you may only see your own registration or the persons on your proxy list");
    }
}
