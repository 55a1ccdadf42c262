package org.flexsi.registration.person;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.flexsi.platform.problem.ProblemException;
import org.flexsi.registration.enrolment.Enrolment;
import org.flexsi.registration.identity.IdType;

@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class PersonQueries {

    public PersonView person(UUID personId) {
        Person person = Person.findById(personId);
        if (person == null) {
            throw ProblemException.notFound("no person " + personId);
        }
        return PersonView.of(person, Enrolment.ofPerson(personId));
    }

    public List<PersonSummary> find(IdType idType, String idNumber, String region, int page, int size) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (idNumber != null) {
            where.append(" and idType = :idType and idNumber = :idNumber");
            params.and("idType", idType).and("idNumber", idNumber.toUpperCase(Locale.ROOT));
        }
        if (region != null) {
            where.append(" and region = :region");
            params.and("region", region);
        }
        PanacheQuery<Person> query = Person.find(where.toString(), Sort.descending("registeredAt"), params);
        return query.page(Page.of(page, size)).list().stream().map(PersonSummary::of).toList();
    }
}
