package org.flexsi.assessment.it;

import static org.awaitility.Awaitility.await;
import static io.restassured.RestAssured.given;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.specification.RequestSpecification;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.flexsi.contracts.Topics;
import org.flexsi.contracts.events.EnrolmentStarted;
import org.flexsi.contracts.events.PersonRegistered;
import org.flexsi.platform.kafka.CloudEventHeaders;
import org.flexsi.platform.testing.TestKafka;
import org.flexsi.platform.testing.TestTokens;

/** What the integration tests share: registered persons, tokens, database counts, waiting for consumers. */
final class Fixtures {
    static final String REGISTRATION = "/flexsi/registration-service";
    static final String PAYMENT = "/flexsi/payment-service";

    private Fixtures() {
    }

    static RequestSpecification as(String role, String subject) {
        return given().header("Authorization", TestTokens.bearer(role, subject)).contentType("application/json");
    }

    static String key() {
        return "key-" + UUID.randomUUID();
    }

    static String newPerson() {
        return "p-" + UUID.randomUUID();
    }

    /** Registers a person and enrols him; waits until the read model has every enrolment. */
    static void register(String personId, String idNumber, String name, String region, EnrolmentStarted... enrolments) {
        TestKafka.publish(new PersonRegistered(personId, "RESIDENT_ID", idNumber, name, "MALE", LocalDate.of(1990, 3, 7), region,
                null, null, null, Instant.now()), REGISTRATION);
        for (EnrolmentStarted e : enrolments) {
            TestKafka.publish(e, REGISTRATION);
        }
        await().until(() -> count("select count(*) from enrolment where person_id = '" + personId + "'") == enrolments.length);
    }

    static EnrolmentStarted enrol(String personId, String insurance, String region, String firstMonth, String grade, String base,
            String rate, String plan) {
        return new EnrolmentStarted(personId, insurance, region, firstMonth, grade, base, rate, plan, Instant.now());
    }

    static long count(String sql) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) CDI.current().select(EntityManager.class).get()
                .createNativeQuery(sql).getSingleResult()).longValue());
    }

    static String text(String sql) {
        return QuarkusTransaction.requiringNew().call(() -> String.valueOf(CDI.current().select(EntityManager.class).get()
                .createNativeQuery(sql).getSingleResult()));
    }

    /** The assessment-topic records of one person, once {@code type} has appeared among them. */
    static List<ConsumerRecord<String, String>> events(String personId, String type) {
        List<ConsumerRecord<String, String>> seen = TestKafka.read(Topics.ASSESSMENT, Duration.ofSeconds(30),
                records -> records.stream().anyMatch(r -> personId.equals(r.key())
                        && type.equals(TestKafka.header(r, CloudEventHeaders.TYPE))));
        return seen.stream().filter(r -> personId.equals(r.key()) && type.equals(TestKafka.header(r, CloudEventHeaders.TYPE)))
                .toList();
    }

}
