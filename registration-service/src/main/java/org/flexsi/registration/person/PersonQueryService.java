package org.flexsi.registration.person;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.logging.Log;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.flexsi.platform.audit.AccessAudit;
import org.flexsi.platform.security.AgencyIdentity;
import org.flexsi.platform.security.Caller;
import org.flexsi.registration.enrolment.Enrolment;
import org.flexsi.registration.identity.IdType;

/**
 * Reading persons (issue 17). Full ID number, mobile and birth date go only to the person himself and to the agency
 * serving his region (that read is audited); operations and proxy payers get them masked, and may ask for them in
 * full through the audited reveal (operations, and the person's own agency).
 */
@ApplicationScoped
@Transactional
public class PersonQueryService {
    public static final String READ_IN_FULL = "read-personal-data";
    public static final String REVEAL = "reveal-personal-data";

    private final PersonAccess access;
    private final AccessAudit audit;
    private final EntityManager em;
    private final Clock clock;
    private final PersonalData personalData;

    public PersonQueryService(PersonAccess access, AccessAudit audit, EntityManager em, Clock clock, PersonalData personalData) {
        this.personalData = personalData;
        this.access = access;
        this.audit = audit;
        this.em = em;
        this.clock = clock;
    }

    /** The person as this caller may see him. */
    public PersonView person(Caller caller, UUID personId) {
        Person person = access.checkCanRead(caller, personId);
        List<Enrolment> enrolments = Enrolment.ofPerson(personId);
        if (!PersonAccess.seesInFull(caller, person)) {
            return PersonView.masked(person, enrolments);
        }
        if (!PersonAccess.isSelf(caller, personId)) {
            audit.record(caller, READ_IN_FULL, "person", personId.toString());
        }
        return PersonView.of(person, enrolments);
    }

    /** The full values, for operations or the person's own agency, with the reason kept beside the audit entry. */
    public PersonView reveal(Caller caller, UUID personId, String reason) {
        Person person = access.checkCanChange(caller, personId);
        audit.record(caller, REVEAL, "person", personId.toString());
        em.createNativeQuery("insert into reveal_reason (person_id, actor, reason, revealed_at) values (?1, ?2, ?3, ?4)")
                .setParameter(1, personId).setParameter(2, caller.subject()).setParameter(3, reason.strip())
                .setParameter(4, clock.instant()).executeUpdate();
        Log.infof("personal data of person %s revealed to %s (%s)", personId, caller.subject(), caller.role());
        return PersonView.of(person, Enrolment.ofPerson(personId));
    }

    /** A search; an agency finds only persons of the regions it serves. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<PersonSummary> find(Caller caller, IdType idType, String idNumber, String region, int page, int size) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (idNumber != null) {
            // by the blind index: the stored numbers are encrypted
            where.append(" and idType = :idType and idNumberIndex = :idNumberIndex");
            params.and("idType", idType).and("idNumberIndex", personalData.index(idNumber));
        }
        if (region != null) {
            caller.requireRegion(region);
            where.append(" and region = :region");
            params.and("region", region);
        } else if (caller.agency().isPresent()) {
            Set<String> served = caller.agency().map(AgencyIdentity::regions).orElseThrow();
            where.append(" and region in :served");
            params.and("served", served);
        }
        PanacheQuery<Person> query = Person.find(where.toString(), Sort.descending("registeredAt"), params);
        return query.page(Page.of(page, size)).list().stream().map(PersonSummary::of).toList();
    }
}
