package org.flexsi.registration.it;

import static io.restassured.RestAssured.given;
import static org.flexsi.registration.it.Fixtures.AGENCY;
import static org.flexsi.registration.it.Fixtures.WEIFANG;
import static org.flexsi.registration.it.Fixtures.agency;
import static org.flexsi.registration.it.Fixtures.count;
import static org.flexsi.registration.it.Fixtures.weifang;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.flexsi.contracts.events.EnrolmentContinued;
import org.flexsi.contracts.events.EnrolmentInterrupted;
import org.flexsi.contracts.events.EnrolmentStarted;
import org.flexsi.contracts.events.EnrolmentSuspended;
import org.flexsi.contracts.events.MedicalRateChanged;
import org.flexsi.contracts.events.PersonRegistered;
import org.flexsi.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
class LifecycleApiTest {
    @Inject
    EntityManager em;

    private static String path(String personId, String rest) {
        return "/api/v1/persons/" + personId + rest;
    }

    @Test
    void interruptContinueSuspendWithHistoryAndEvents() throws Exception {
        String personId = Fixtures.registerWuhan();
        agency().body("{\"lastCoveredMonth\":\"2026-03\",\"reason\":\"stopped working as a courier\"}")
                .post(path(personId, "/enrolments/PENSION/interruption"))
                .then().statusCode(200).body("status", equalTo("INTERRUPTED")).body("lastCoveredMonth", equalTo("2026-03"))
                .body("registrationVersion", equalTo(2));
        agency().body("{\"fromMonth\":\"202607\",\"grade\":\"100\"}")
                .post(path(personId, "/enrolments/PENSION/continuation"))
                .then().statusCode(200).body("status", equalTo("ACTIVE")).body("activeFrom", equalTo("2026-07"))
                .body("grade", equalTo("100")).body("registrationVersion", equalTo(3));
        agency().body("{\"reason\":\"insured through a new employer\",\"effectiveDate\":\"2026-10-01\"}")
                .post(path(personId, "/enrolments/PENSION/suspension"))
                .then().statusCode(200).body("status", equalTo("SUSPENDED")).body("lastCoveredMonth", equalTo("2026-09"))
                .body("registrationVersion", equalTo(4));
        given().header("Authorization", AGENCY).get("/api/v1/persons/" + personId).then().statusCode(200)
                .body("registrationVersion", equalTo(4)).body("enrolments.registrationVersion", equalTo(List.of(4, 4)));

        given().header("Authorization", TestTokens.bearer("contributor", personId)).get(path(personId, "/history"))
                .then().statusCode(200)
                .body("action", equalTo(List.of("ENROLLED", "ENROLLED", "INTERRUPTED", "CONTINUED", "SUSPENDED")))
                .body("[2].reason", equalTo("stopped working as a courier"))
                .body("[2].actor", equalTo("wuhan-pension"))
                .body("[2].actorRole", equalTo("agency"))
                .body("[3].detail", equalTo("grade 100"))
                .body("[4].effective", equalTo("2026-10-01"))
                .body("registrationVersion", equalTo(List.of(1, 1, 2, 3, 4)));

        List<ConsumerRecord<String, String>> events = Fixtures.events(personId, 6);
        assertEquals(List.of(PersonRegistered.TYPE, EnrolmentStarted.TYPE, EnrolmentStarted.TYPE, EnrolmentInterrupted.TYPE,
                EnrolmentContinued.TYPE, EnrolmentSuspended.TYPE), Fixtures.types(events));
        JsonNode continued = new ObjectMapper().readTree(events.get(4).value());
        assertEquals("2026-07", continued.get("fromMonth").asText());
        assertEquals("100", continued.get("grade").asText());
        List<Long> versions = new java.util.ArrayList<>();
        for (ConsumerRecord<String, String> event : events) {
            versions.add(new ObjectMapper().readTree(event.value()).get("registrationVersion").asLong());
        }
        assertEquals(List.of(1L, 1L, 1L, 2L, 3L, 4L), versions, "every registration event carries the version after its change");
    }

    @Test
    void transitionsThatAreNotAllowedAreRefusedAndChangeNothing() {
        String personId = Fixtures.registerWuhan();
        agency().body("{\"fromMonth\":\"2026-07\"}").post(path(personId, "/enrolments/MEDICAL/continuation"))
                .then().statusCode(409).contentType("application/problem+json").body("detail", containsString("active"));
        agency().body("{\"lastCoveredMonth\":\"2025-10\"}").post(path(personId, "/enrolments/MEDICAL/interruption"))
                .then().statusCode(422).body("rule", equalTo("lifecycle"));
        agency().body("{\"effectiveDate\":\"2026-10-01\"}").post(path(personId, "/enrolments/MEDICAL/suspension"))
                .then().statusCode(400).body("errors.field", hasItem("reason"));
        agency().body("{\"reason\":\" \",\"effectiveDate\":\"2026-10-01\"}").post(path(personId, "/enrolments/MEDICAL/suspension"))
                .then().statusCode(400).body("errors.field", hasItem("reason"));
        agency().body("{\"lastCoveredMonth\":\"2026-05\"}").post(path(personId, "/enrolments/WORK_INJURY/interruption"))
                .then().statusCode(422).body("rule", equalTo("not-enrolled"));
        agency().body("{\"lastCoveredMonth\":\"2026-05\"}").post(path(personId, "/enrolments/DENTAL/interruption"))
                .then().statusCode(400).contentType("application/problem+json");
        agency().body("{\"lastCoveredMonth\":\"2026-05\"}").post(path(UUID.randomUUID().toString(), "/enrolments/MEDICAL/interruption"))
                .then().statusCode(404).contentType("application/problem+json");
        agency().body("{\"reason\":\"moved\",\"effectiveDate\":\"2026-10-01\"}").post(path(personId, "/enrolments/MEDICAL/suspension"))
                .then().statusCode(200);
        agency().body("{\"reason\":\"moved\",\"effectiveDate\":\"2026-11-01\"}").post(path(personId, "/enrolments/MEDICAL/suspension"))
                .then().statusCode(409);
        agency().body("{\"lastCoveredMonth\":\"2026-05\"}").post(path(personId, "/enrolments/MEDICAL/interruption"))
                .then().statusCode(409);
        assertEquals(3, changes(personId), "two enrolments and one suspension");
    }

    @Test
    void aMedicalRateChangeIsAnInterruptionThenANewEnrolmentAsTheWeifangGuideHasIt() throws Exception {
        String personId = Fixtures.registerWeifang();
        weifang().body("{\"effectiveMonth\":\"2026-07\",\"rate\":\"0.09\",\"channel\":\"ONLINE\"}")
                .post(path(personId, "/medical-rate-change"))
                .then().statusCode(200).body("rate", equalTo("0.09")).body("activeFrom", equalTo("2026-07"))
                .body("firstMonth", equalTo("2026-07")).body("status", equalTo("ACTIVE")).body("base", equalTo("3980.00"))
                .body("registrationVersion", equalTo(2));

        // 减员 from the old account, then 增员 at the new rate: both in the history, in that order, one version
        given().header("Authorization", WEIFANG).get(path(personId, "/history")).then().statusCode(200)
                .body("action", equalTo(List.of("ENROLLED", "ENROLLED", "ENROLLED", "INTERRUPTED", "ENROLLED")))
                .body("insurance", equalTo(List.of("PENSION", "MEDICAL", "WORK_INJURY", "MEDICAL", "MEDICAL")))
                .body("[3].fromStatus", equalTo("ACTIVE")).body("[3].toStatus", equalTo("INTERRUPTED"))
                .body("[3].effective", equalTo("2026-06"))
                .body("[3].reason", equalTo("medical rate change (R5)"))
                .body("[3].detail", equalTo("rate 0.06 -> 0.09 from 2026-07"))
                .body("[4].fromStatus", equalTo(null)).body("[4].toStatus", equalTo("ACTIVE"))
                .body("[4].effective", equalTo("2026-07"))
                .body("[4].detail", equalTo("base 3980.00, rate 0.09"))
                .body("[3].channel", equalTo("ONLINE")).body("[4].channel", equalTo("ONLINE"))
                .body("[3].registrationVersion", equalTo(2)).body("[4].registrationVersion", equalTo(2));
        List<Integer> enrolmentIds = given().header("Authorization", WEIFANG).get(path(personId, "/history")).then()
                .extract().path("enrolmentId");
        assertEquals(enrolmentIds.get(1), enrolmentIds.get(3), "the old medical enrolment is the one interrupted");
        assertNotEquals(enrolmentIds.get(3), enrolmentIds.get(4), "the new rate is a new enrolment");

        List<ConsumerRecord<String, String>> events = Fixtures.events(personId, 7);
        assertEquals(List.of(PersonRegistered.TYPE, EnrolmentStarted.TYPE, EnrolmentStarted.TYPE, EnrolmentStarted.TYPE,
                EnrolmentInterrupted.TYPE, EnrolmentStarted.TYPE, MedicalRateChanged.TYPE), Fixtures.types(events));
        ObjectMapper json = new ObjectMapper();
        JsonNode interrupted = json.readTree(events.get(4).value());
        assertEquals("MEDICAL", interrupted.get("insurance").asText());
        assertEquals("2026-06", interrupted.get("lastCoveredMonth").asText());
        JsonNode started = json.readTree(events.get(5).value());
        assertEquals("MEDICAL", started.get("insurance").asText());
        assertEquals("2026-07", started.get("firstMonth").asText());
        assertEquals("0.09", started.get("rate").asText());
        JsonNode changed = json.readTree(events.get(6).value());
        assertEquals("0.06", changed.get("oldRate").asText());
        assertEquals("0.09", changed.get("newRate").asText());
        assertEquals("2026-07", changed.get("effectiveMonth").asText());
        for (int i = 4; i < 7; i++) {
            assertEquals(2, json.readTree(events.get(i).value()).get("registrationVersion").asLong());
        }

        long before = changes(personId);
        weifang().body("{\"effectiveMonth\":\"2026-08\",\"rate\":\"0.08\"}").post(path(personId, "/medical-rate-change"))
                .then().statusCode(400).body("errors.field", hasItem("rate"));
        weifang().body("{\"effectiveMonth\":\"2026-08\",\"rate\":\"0.09\"}").post(path(personId, "/medical-rate-change"))
                .then().statusCode(422).body("rule", equalTo("R5"));
        weifang().body("{\"effectiveMonth\":\"2026-06\",\"rate\":\"0.10\"}").post(path(personId, "/medical-rate-change"))
                .then().statusCode(422).body("rule", equalTo("R5"));
        assertEquals(before, changes(personId));
        given().header("Authorization", WEIFANG).get("/api/v1/persons/" + personId).then()
                .body("enrolments.insurance", equalTo(List.of("PENSION", "MEDICAL", "WORK_INJURY")))
                .body("enrolments.find { it.insurance == 'MEDICAL' }.rate", equalTo("0.09"))
                .body("registrationVersion", equalTo(2));
    }

    @Test
    void monthsAlreadyPaidAtTheOldRateStayAsTheyWere() {
        String personId = Fixtures.registerWeifang();
        // payment.succeeded said 2026-07 and 2026-08 are paid (at 0.06)
        for (String month : List.of("2026-06", "2026-07", "2026-08")) {
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("insert into paid_month (person_id, insurance,"
                    + " month, paid_month, payment_id) values (?1, 'MEDICAL', ?2, ?2, 'pay-test')")
                    .setParameter(1, personId).setParameter(2, month).executeUpdate());
        }
        weifang().body("{\"effectiveMonth\":\"2026-07\",\"rate\":\"0.10\"}").post(path(personId, "/medical-rate-change"))
                .then().statusCode(200).body("firstMonth", equalTo("2026-09")).body("rate", equalTo("0.10"));
        given().header("Authorization", WEIFANG).get(path(personId, "/history")).then().statusCode(200)
                .body("[3].action", equalTo("INTERRUPTED")).body("[3].effective", equalTo("2026-08"))
                .body("[4].action", equalTo("ENROLLED")).body("[4].effective", equalTo("2026-09"));
        given().header("Authorization", WEIFANG).get(path(personId, "/coverage?month=2026-08")).then().statusCode(200)
                .body("status", not(equalTo("NOT_ENROLLED")));
    }

    @Test
    void weifangRefusesOnlineContinuationAfterUnemploymentBenefit() {
        String personId = Fixtures.registerWeifang();
        weifang().body("{\"lastCoveredMonth\":\"2026-03\",\"channel\":\"ONLINE\"}").post(path(personId, "/enrolments/MEDICAL/interruption"))
                .then().statusCode(200);
        weifang().body("{\"fromMonth\":\"2026-06\",\"afterUnemploymentBenefit\":true,\"channel\":\"ONLINE\"}")
                .post(path(personId, "/enrolments/MEDICAL/continuation"))
                .then().statusCode(422).body("rule", equalTo("R4-channel"));
        weifang().body("{\"fromMonth\":\"2026-06\",\"afterUnemploymentBenefit\":true,\"channel\":\"COUNTER\"}")
                .post(path(personId, "/enrolments/MEDICAL/continuation"))
                .then().statusCode(200).body("status", equalTo("ACTIVE")).body("rate", equalTo("0.06"));
    }

    @Test
    void anotherInsuranceCanBeAddedOnce() {
        String personId = Fixtures.registerWeifang();
        String body = "{\"enrolmentDate\":\"2026-02-01\",\"enrolment\":{\"insurance\":\"LONG_TERM_CARE\",\"firstMonth\":\"2026-02\"}}";
        weifang().body(body).post(path(personId, "/enrolments")).then().statusCode(201).body("insurance", equalTo("LONG_TERM_CARE"));
        weifang().body(body).post(path(personId, "/enrolments")).then().statusCode(409);
        given().header("Authorization", WEIFANG).get("/api/v1/persons/" + personId).then().body("enrolments", hasSize(4));
    }

    @Test
    void concurrentChangesOfOnePersonGetDistinctVersions() throws Exception {
        String personId = Fixtures.registerWuhan();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
            for (String insurance : List.of("PENSION", "MEDICAL")) {
                answers.add(pool.submit(() -> agency().body("{\"lastCoveredMonth\":\"2026-03\"}")
                        .post(path(personId, "/enrolments/" + insurance + "/interruption")).then().statusCode(200)
                        .extract().<Integer>path("registrationVersion")));
            }
            java.util.Set<Integer> versions = new java.util.TreeSet<>();
            for (java.util.concurrent.Future<Integer> answer : answers) {
                versions.add(answer.get(30, java.util.concurrent.TimeUnit.SECONDS));
            }
            assertEquals(java.util.Set.of(2, 3), versions, "each change counts once, none is lost");
        } finally {
            pool.shutdownNow();
        }
        given().header("Authorization", AGENCY).get("/api/v1/persons/" + personId).then().body("registrationVersion", equalTo(3));
    }

    @Test
    void retriedLifecycleWritesReplay() {
        String personId = Fixtures.registerWuhan();
        String key = "k-" + UUID.randomUUID();
        for (int i = 0; i < 2; i++) {
            given().header("Authorization", AGENCY).header("Idempotency-Key", key).contentType("application/json")
                    .body("{\"lastCoveredMonth\":\"2026-03\"}").post(path(personId, "/enrolments/MEDICAL/interruption"))
                    .then().statusCode(200).body("status", equalTo("INTERRUPTED"));
        }
        assertEquals(3, changes(personId), "the retry did not interrupt twice");
    }

    @Test
    void onlyAgenciesChangeEnrolmentsAndHistoryIsPrivate() {
        String personId = Fixtures.registerWuhan();
        given().contentType("application/json").body("{\"lastCoveredMonth\":\"2026-03\"}")
                .post(path(personId, "/enrolments/MEDICAL/interruption")).then().statusCode(401);
        given().header("Authorization", TestTokens.bearer("contributor", personId)).header("Idempotency-Key", "k-" + UUID.randomUUID())
                .contentType("application/json").body("{\"lastCoveredMonth\":\"2026-03\"}")
                .post(path(personId, "/enrolments/MEDICAL/interruption")).then().statusCode(403);
        given().header("Authorization", TestTokens.bearer("contributor", UUID.randomUUID().toString()))
                .get(path(personId, "/history")).then().statusCode(403);
        given().get(path(personId, "/history")).then().statusCode(401);
        assertEquals(2, changes(personId));
    }

    @Test
    void malformedLifecycleBodiesAreProblems() {
        String personId = Fixtures.registerWuhan();
        for (String body : List.of("{", "[]", "\"" + "x".repeat(70_000) + "\"",
                "{\"region\": [\"x\"], \"amount\": \"NaN\", \"idNumber\": \"\\u0000'; DROP TABLE x;--\", \"year\": 99999999999}")) {
            agency().body(body).post(path(personId, "/enrolments/MEDICAL/interruption")).then().statusCode(400)
                    .contentType("application/problem+json");
            agency().body(body).post(path(personId, "/enrolments/MEDICAL/continuation")).then().statusCode(400);
            agency().body(body).post(path(personId, "/enrolments/MEDICAL/suspension")).then().statusCode(400);
            agency().body(body).post(path(personId, "/medical-rate-change")).then().statusCode(400);
            agency().body(body).post(path(personId, "/enrolments")).then().statusCode(400);
        }
        assertEquals(2, changes(personId));
    }

    private long changes(String personId) {
        return count(em, "select count(*) from enrolment_change where person_id = '" + personId + "'");
    }
}
