package org.flexsi.registration.it;

import static io.restassured.RestAssured.given;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.specification.RequestSpecification;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.flexsi.contracts.Topics;
import org.flexsi.platform.kafka.CloudEventHeaders;
import org.flexsi.platform.testing.TestKafka;
import org.flexsi.platform.testing.TestTokens;
import org.flexsi.registration.identity.IdNumbers;
import org.flexsi.registration.person.PersonalData;

/** Shared helpers of the API tests: tokens, fresh valid ID numbers, registrations, counts, events. */
final class Fixtures {
    /** A configured agency serving Wuhan (420100), where {@link #wuhanBody} registers. */
    static final String AGENCY = TestTokens.bearer("agency", "wuhan-pension");
    /** A configured agency serving Weifang (370700), where {@link #weifangBody} registers. */
    static final String WEIFANG = TestTokens.bearer("agency", "weifang-medical");
    static final String OPS = TestTokens.bearer("ops", "ops-1");

    private Fixtures() {
    }

    /** A resident ID number nobody used yet in this run: Wuchang district, born on the given day. */
    static String residentId(LocalDate birth, boolean male) {
        int sequence = ThreadLocalRandom.current().nextInt(0, 500) * 2 + (male ? 1 : 0);
        String first17 = "420106" + birth.toString().replace("-", "") + String.format("%03d", sequence);
        return first17 + IdNumbers.checkCharacter(first17);
    }

    static String freshId() {
        LocalDate birth = LocalDate.of(1970, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(0, 365 * 30));
        return residentId(birth, true);
    }

    static String wuhanBody(String idNumber) {
        return """
                {"idType":"RESIDENT_ID","idNumber":"%s","name":"张伟","mobile":"13812345678","region":"420100",
                 "district":"420106","agency":"武汉市社会保险中心","country":"CHN","ethnicity":"汉族",
                 "enrolmentDate":"2026-01-05",
                 "enrolments":[{"insurance":"PENSION","firstMonth":"2026-01","grade":"60"},
                               {"insurance":"MEDICAL","firstMonth":"2026-01"}]}
                """.formatted(idNumber);
    }

    static String weifangBody(String idNumber, String channel) {
        return """
                {"idType":"RESIDENT_ID","idNumber":"%s","name":"李娜","region":"370700","enrolmentDate":"2026-01-05",
                 "channel":"%s",
                 "enrolments":[{"insurance":"PENSION","firstMonth":"2026-01","base":"3980"},
                               {"insurance":"MEDICAL","firstMonth":"2026-01","rate":"0.06","base":"3980"},
                               {"insurance":"WORK_INJURY","firstMonth":"2026-01","base":"3980.00"}]}
                """.formatted(idNumber, channel);
    }

    /** A write by the Wuhan agency. */
    static RequestSpecification agency() {
        return as(AGENCY);
    }

    /** A write by the Weifang agency. */
    static RequestSpecification weifang() {
        return as(WEIFANG);
    }

    static RequestSpecification as(String token) {
        return given().header("Authorization", token).header("Idempotency-Key", "k-" + UUID.randomUUID())
                .contentType("application/json");
    }

    /** Registers a Wuhan person with pension and medical from 2026-01; returns the person id. */
    static String registerWuhan() {
        return agency().body(wuhanBody(freshId())).post("/api/v1/persons").then().statusCode(201).extract().path("personId");
    }

    /** Registers a Wuhan person with this ID number; returns the person id. */
    static String registerWuhanWith(String idNumber) {
        return agency().body(wuhanBody(idNumber)).post("/api/v1/persons").then().statusCode(201).extract().path("personId");
    }

    static String registerWeifang() {
        return weifang().body(weifangBody(freshId(), "COUNTER")).post("/api/v1/persons").then().statusCode(201)
                .extract().path("personId");
    }

    /** How many persons hold this ID number (found by its blind index: the stored numbers are encrypted). */
    static long stored(EntityManager em, String idNumber) {
        String index = Arc.container().instance(PersonalData.class).get().index(idNumber);
        return count(em, "select count(*) from person where id_number_index = '" + index + "'");
    }

    static long count(EntityManager em, String sql) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(sql).getSingleResult()).longValue());
    }

    /** The events on flexsi.registration for one person, in order, waiting until {@code at least} arrived. */
    static List<ConsumerRecord<String, String>> events(String personId, int atLeast) {
        return TestKafka.read(Topics.REGISTRATION, Duration.ofSeconds(20),
                seen -> seen.stream().filter(r -> personId.equals(r.key())).count() >= atLeast)
                .stream().filter(r -> personId.equals(r.key())).toList();
    }

    static List<String> types(List<ConsumerRecord<String, String>> records) {
        return records.stream().map(r -> TestKafka.header(r, CloudEventHeaders.TYPE)).toList();
    }
}
