package org.flexsi.payment.person;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.flexsi.contracts.events.PersonRegistered;
import org.flexsi.contracts.events.ProxyLinked;
import org.flexsi.contracts.events.ProxyUnlinked;
import org.flexsi.platform.inbox.IncomingEvent;
import org.flexsi.platform.inbox.Inbox;

/** Who is registered (for the bank counter lookup) and whom each proxy payer pays for (R21). */
@ApplicationScoped
public class RegistrationConsumer {
    private final Inbox inbox;
    private final EntityManager em;
    private final ResidentIds residentIds;
    private final Persons persons;

    public RegistrationConsumer(Inbox inbox, EntityManager em, ResidentIds residentIds, Persons persons) {
        this.inbox = inbox;
        this.em = em;
        this.residentIds = residentIds;
        this.persons = persons;
    }

    @Incoming("registration-in")
    @Blocking
    public void on(ConsumerRecords<String, String> batch) {
        inbox.consumeBatch(batch, this::apply);
    }

    void apply(IncomingEvent event) {
        switch (event.type()) {
            case PersonRegistered.TYPE -> {
                PersonRegistered person = event.dataAs(PersonRegistered.class);
                // the ID number only as its keyed index, the name encrypted (issue 17)
                em.createNativeQuery("insert into person (person_id, id_number_hash, id_number_keyed, name, region)"
                        + " values (?1, ?2, true, ?3, ?4)"
                        + " on conflict (person_id) do update set id_number_hash = excluded.id_number_hash,"
                        + " id_number_keyed = true, name = excluded.name, region = excluded.region")
                        .setParameter(1, person.personId()).setParameter(2, residentIds.index(person.idNumber()))
                        .setParameter(3, persons.seal(person.name())).setParameter(4, person.region()).executeUpdate();
            }
            case ProxyLinked.TYPE -> {
                ProxyLinked link = event.dataAs(ProxyLinked.class);
                em.createNativeQuery("insert into proxy_link (proxy_id, person_id, linked_at) values (?1, ?2, ?3)"
                        + " on conflict do nothing")
                        .setParameter(1, link.proxyId()).setParameter(2, link.personId())
                        .setParameter(3, link.occurredAt()).executeUpdate();
            }
            case ProxyUnlinked.TYPE -> {
                ProxyUnlinked unlink = event.dataAs(ProxyUnlinked.class);
                em.createNativeQuery("delete from proxy_link where proxy_id = ?1 and person_id = ?2")
                        .setParameter(1, unlink.proxyId()).setParameter(2, unlink.personId()).executeUpdate();
            }
            default -> {
                // enrolment events do not change who may pay
            }
        }
    }
}
