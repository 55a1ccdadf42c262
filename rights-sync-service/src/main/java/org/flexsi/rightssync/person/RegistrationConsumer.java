package org.flexsi.rightssync.person;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.flexsi.contracts.events.PersonRegistered;
import org.flexsi.platform.crypto.FieldCipher;
import org.flexsi.platform.inbox.Inbox;
import org.flexsi.rightssync.delivery.RecordsWaiting;

/**
 * Keeps the ID number and name of every registered person: the agencies book rights by them, and
 * payment events carry only the person id. A record waits until its person is known here. Both are stored
 * encrypted ({@link #ID_NUMBER}, {@link #NAME}); read them through {@link #idNumber} and {@link #name}.
 */
@ApplicationScoped
public class RegistrationConsumer {
    /** The encryption contexts of the person table's personal data ({@code flexsi.crypto.encrypted-columns}). */
    public static final String ID_NUMBER = "person.id_number";
    public static final String NAME = "person.name";

    private final Inbox inbox;
    private final EntityManager em;
    private final FieldCipher cipher;
    private final Event<RecordsWaiting> waiting;

    public RegistrationConsumer(Inbox inbox, EntityManager em, FieldCipher cipher, Event<RecordsWaiting> waiting) {
        this.inbox = inbox;
        this.em = em;
        this.cipher = cipher;
        this.waiting = waiting;
    }

    /** The full ID number from its stored form (a row from before encryption reads as it is). */
    public String idNumber(Object stored) {
        return cipher.decrypt(ID_NUMBER, (String) stored);
    }

    public String name(Object stored) {
        return cipher.decrypt(NAME, (String) stored);
    }

    @Incoming("registration-in")
    @Blocking
    public void on(ConsumerRecords<String, String> batch) {
        inbox.consumeBatch(batch, event -> {
            if (PersonRegistered.TYPE.equals(event.type())) {
                PersonRegistered person = event.dataAs(PersonRegistered.class);
                em.createNativeQuery("insert into person (person_id, id_number, name, registered_at) values (?1, ?2, ?3, ?4)"
                        + " on conflict (person_id) do update set id_number = excluded.id_number, name = excluded.name,"
                        + " registered_at = excluded.registered_at")
                        .setParameter(1, person.personId()).setParameter(2, cipher.encrypt(ID_NUMBER, person.idNumber()))
                        .setParameter(3, cipher.encrypt(NAME, person.name())).setParameter(4, person.registeredAt())
                        .executeUpdate();
                // records that waited for this person may leave now
                waiting.fire(new RecordsWaiting());
            }
        });
    }
}
