package org.flexsi.certificate.person;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.flexsi.contracts.events.PersonRegistered;
import org.flexsi.platform.inbox.Inbox;
import org.flexsi.platform.privacy.Masking;

/** Keeps who each person is, for the name and masked ID number on certificates. */
@ApplicationScoped
public class RegistrationConsumer {
    private final Inbox inbox;

    public RegistrationConsumer(Inbox inbox) {
        this.inbox = inbox;
    }

    @Incoming("registration-in")
    @Blocking
    public void on(ConsumerRecords<String, String> batch) {
        inbox.consumeBatch(batch, event -> {
            if (PersonRegistered.TYPE.equals(event.type())) {
                remember(event.dataAs(PersonRegistered.class));
            }
        });
    }

    private static void remember(PersonRegistered registered) {
        Person person = Person.<Person>findByIdOptional(registered.personId()).orElseGet(Person::new);
        person.personId = registered.personId();
        person.name = registered.name();
        person.idType = registered.idType();
        person.maskedIdNumber = Masking.printedIdNumber(registered.idNumber());
        person.region = registered.region();
        person.agency = registered.agency();
        person.persist();
    }
}
