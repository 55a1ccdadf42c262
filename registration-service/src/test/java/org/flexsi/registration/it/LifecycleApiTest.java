package org.flexsi.registration.it;

import static io.restassured.RestAssured.given;
import static org.flexsi.registration.it.Fixtures.AGENCY;
import static org.flexsi.registration.it.Fixtures.agency;
import static org.flexsi.registration.it.Fixtures.count;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
                .then().statusCode(200).body("status", equalTo("INTERRUPTED")).body("lastCoveredMonth", equalTo("2026-03"));
        agency().body("{\"fromMonth\":\"202607\",\"grade\":\"100\"}")
                .post(path(personId, "/enrolments/PENSION/continuation"))
                .then().statusCode(200).body("status", equalTo("ACTIVE")).body("activeFrom", equalTo("2026-07"))
                .body("grade", equalTo("100"));
        agency().body("{\"reason\":\"insured through a new employer\",\"effectiveDate\":\"2026-10-01\"}")
                .post(path(personId, "/enrolments/PENSION/suspension"))
                .then().statusCode(200).body("status", equalTo("SUSPENDED")).body("lastCoveredMonth", equalTo("2026-09"));

        given().header("Authorization", TestTokens.bearer("contributor", personId)).get(path(personId, "/history"))
                .then().statusCode(200)
                .body("action", equalTo(List.of("ENROLLED", "ENROLLED", "INTERRUPTED", "CONTINUED", "SUSPENDED")))
                .body("[2].reason", equalTo("stopped working as a courier"))
                .body("[2].actor", equalTo("agency-wuhan-01"))
                .body("[2].actorRole", equalTo("agency"))
                .body("[3].detail", equalTo("grade 100"))
                .body("[4].effective", equalTo("2026-10-01"));

        List<ConsumerRecord<String, String>> events = Fixtures.events(personId, 6);
        assertEquals(List.of(PersonRegistered.TYPE, EnrolmentStarted.TYPE, EnrolmentStarted.TYPE, EnrolmentInterrupted.TYPE,
                EnrolmentContinued.TYPE, EnrolmentSuspended.TYPE), Fixtures.types(events));
        JsonNode continued = new ObjectMapper().readTree(events.get(4).value());
        assertEquals("2026-07", continued.get("fromMonth").asText());
        assertEquals("100", continued.get("grade").asText());
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
    void aMedicalRateChangeIsOneAtomicStep() throws Exception {
        String personId = Fixtures.registerWeifang();
        agency().body("{\"effectiveMonth\":\"2026-07\",\"rate\":\"0.09\",\"channel\":\"ONLINE\"}")
                .post(path(personId, "/medical-rate-change"))
                .then().statusCode(200).body("rate", equalTo("0.09")).body("activeFrom", equalTo("2026-07"))
                .body("status", equalTo("ACTIVE")).body("base", equalTo("3980.00"));
        given().header("Authorization", AGENCY).get(path(personId, "/history")).then().statusCode(200)
                .body("find { it.action == 'RATE_CHANGED' }.detail", equalTo("rate 0.06 -> 0.09"));
        List<ConsumerRecord<String, String>> events = Fixtures.events(personId, 5);
        JsonNode changed = new ObjectMapper().readTree(events.get(4).value());
        assertEquals(MedicalRateChanged.TYPE, Fixtures.types(events).get(4));
        assertEquals("0.06", changed.get("oldRate").asText());
        assertEquals("0.09", changed.get("newRate").asText());
        assertEquals("2026-07", changed.get("effectiveMonth").asText());

        long before = changes(personId);
        agency().body("{\"effectiveMonth\":\"2026-08\",\"rate\":\"0.08\"}").post(path(personId, "/medical-rate-change"))
                .then().statusCode(400).body("errors.field", hasItem("rate"));
        agency().body("{\"effectiveMonth\":\"2026-08\",\"rate\":\"0.09\"}").post(path(personId, "/medical-rate-change"))
                .then().statusCode(422).body("rule", equalTo("R5"));
        agency().body("{\"effectiveMonth\":\"2026-06\",\"rate\":\"0.10\"}").post(path(personId, "/medical-rate-change"))
                .then().statusCode(422).body("rule", equalTo("R5"));
        assertEquals(before, changes(personId));
        given().header("Authorization", AGENCY).get("/api/v1/persons/" + personId).then()
                .body("enrolments.find { it.insurance == 'MEDICAL' }.rate", equalTo("0.09"));
    }

    @Test
    void weifangRefusesOnlineContinuationAfterUnemploymentBenefit() {
        String personId = Fixtures.registerWeifang();
        agency().body("{\"lastCoveredMonth\":\"2026-03\",\"channel\":\"ONLINE\"}").post(path(personId, "/enrolments/MEDICAL/interruption"))
                .then().statusCode(200);
        agency().body("{\"fromMonth\":\"2026-06\",\"afterUnemploymentBenefit\":true,\"channel\":\"ONLINE\"}")
                .post(path(personId, "/enrolments/MEDICAL/continuation"))
                .then().statusCode(422).body("rule", equalTo("R4-channel"));
        agency().body("{\"fromMonth\":\"2026-06\",\"afterUnemploymentBenefit\":true,\"channel\":\"COUNTER\"}")
                .post(path(personId, "/enrolments/MEDICAL/continuation"))
                .then().statusCode(200).body("status", equalTo("ACTIVE")).body("rate", equalTo("0.06"));
    }

    @Test
    void anotherInsuranceCanBeAddedOnce() {
        String personId = Fixtures.registerWeifang();
        String body = "{\"enrolmentDate\":\"2026-02-01\",\"enrolment\":{\"insurance\":\"LONG_TERM_CARE\",\"firstMonth\":\"2026-02\"}}";
        agency().body(body).post(path(personId, "/enrolments")).then().statusCode(201).body("insurance", equalTo("LONG_TERM_CARE"));
        agency().body(body).post(path(personId, "/enrolments")).then().statusCode(409);
        given().header("Authorization", AGENCY).get("/api/v1/persons/" + personId).then().body("enrolments", hasSize(4));
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
