package org.flexsi.certificate.person;

import static org.awaitility.Awaitility.await;

import io.quarkus.narayana.jta.QuarkusTransaction;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.flexsi.contracts.events.PersonRegistered;
import org.flexsi.platform.testing.TestKafka;

/** Registers a person through the registration topic and waits until the certificate service knows him. */
public final class RegisteredPersons {
    private RegisteredPersons() {
    }

    public static String register(String name, String idNumber, LocalDate birthDate, String region, String agency) {
        String person = "p-" + UUID.randomUUID();
        TestKafka.publish(new PersonRegistered(person, "RESIDENT_ID", idNumber, name, "MALE", birthDate, region, agency, null,
                null, Instant.now()), "/flexsi/registration-service");
        // the registration and payment topics are consumed independently: a payment published now may overtake it
        await("the registration of " + person).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> Person.findById(person) != null));
        return person;
    }
}
