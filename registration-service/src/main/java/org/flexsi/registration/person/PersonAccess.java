package org.flexsi.registration.person;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.UUID;
import org.flexsi.platform.problem.ProblemException;
import org.flexsi.platform.security.Caller;
import org.flexsi.platform.security.Roles;
import org.flexsi.registration.proxy.ProxyLink;

/**
 * Who may reach a person (issue 17). Operations reach everyone; an agency only the persons of the regions it
 * serves, for reading and writing alike; a contributor only himself (token subject = person id); a proxy payer
 * only the persons whose link to him is confirmed (R21).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class PersonAccess {

    /** Who may see the person: 404 when there is none, 403 when the caller may not. */
    public Person checkCanRead(Caller caller, UUID personId) {
        Person person = Person.require(personId);
        if (caller.is(Roles.OPS)) {
            return person;
        }
        if (caller.agency().isPresent()) {
            caller.requireRegion(person.region);
            return person;
        }
        if (isSelf(caller, personId)) {
            return person;
        }
        if (caller.is(Roles.PROXY) && ProxyLink.isActive(caller.subject(), personId)) {
            return person;
        }
        throw ProblemException.forbidden("you may only see your own registration or the persons who confirmed you as their proxy payer");
    }

    /** An agency's write on an existing person: only in the regions it serves (operations everywhere). */
    public Person checkCanChange(Caller caller, UUID personId) {
        Person person = Person.require(personId);
        requireBackOffice(caller);
        caller.requireRegion(person.region);
        return person;
    }

    /** Whether the caller is the person himself. */
    public static boolean isSelf(Caller caller, UUID personId) {
        return caller.is(Roles.CONTRIBUTOR) && personId.toString().equals(caller.subject());
    }

    /** Whether the caller may see the person's full personal data without a reveal: the person, or his own agency. */
    public static boolean seesInFull(Caller caller, Person person) {
        return isSelf(caller, person.personId) || (caller.agency().isPresent() && caller.reaches(person.region));
    }

    private static void requireBackOffice(Caller caller) {
        if (!caller.backOffice()) {
            throw ProblemException.forbidden("only an agency or operations may do this");
        }
    }
}
