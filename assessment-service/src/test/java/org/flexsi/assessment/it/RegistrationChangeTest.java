package org.flexsi.assessment.it;

import static org.awaitility.Awaitility.await;
import static org.flexsi.assessment.it.Fixtures.REGISTRATION;
import static org.flexsi.assessment.it.Fixtures.as;
import static org.flexsi.assessment.it.Fixtures.count;
import static org.flexsi.assessment.it.Fixtures.events;
import static org.flexsi.assessment.it.Fixtures.key;
import static org.flexsi.assessment.it.Fixtures.newPerson;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.flexsi.assessment.person.PersonRepository;
import org.flexsi.contracts.Json;
import org.flexsi.contracts.events.AssessmentCancelled;
import org.flexsi.contracts.events.EnrolmentInterrupted;
import org.flexsi.contracts.events.EnrolmentStarted;
import org.flexsi.contracts.events.MedicalRateChanged;
import org.flexsi.contracts.events.PersonRegistered;
import org.flexsi.platform.testing.TestKafka;
import org.flexsi.platform.time.PlatformClock;
import org.junit.jupiter.api.Test;

/** Issue 16 item 2: enrolment changes arriving over the real broker make stale assessments go, and clients can wait for them. */
@QuarkusTest
class RegistrationChangeTest {
    private static final String JINAN_MAY_2022 = "2022-05-15T02:00:00Z";

    @Inject
    PlatformClock clock;
    @Inject
    PersonRepository persons;


    @Test
    void aMedicalRateChangeCancelsTheOpenAssessmentsItMakesStaleAndTheNextIsPricedAtTheNewRate() throws Exception {
        clock.setTo(Instant.parse(JINAN_MAY_2022));
        String person = jinanPerson(1);
        String pensionOnly = assess(person, "[\"2022-01\"]", "[{\"insurance\": \"PENSION\"}]")
                .then().statusCode(201).extract().path("serialNumber");
        String earlyMedical = assess(person, "[\"2022-02\"]", "[{\"insurance\": \"MEDICAL\"}]")
                .then().statusCode(201).extract().path("serialNumber");
        Response stale = assess(person, "[\"2022-04\", \"2022-05\"]", "[{\"insurance\": \"PENSION\"}, {\"insurance\": \"MEDICAL\"}]");
        stale.then().statusCode(201);
        String staleSerial = stale.path("serialNumber");
        String oldTotal = stale.path("total");

        // before the change arrives, the months are held
        assess(person, "[\"2022-04\", \"2022-05\"]", "[{\"insurance\": \"PENSION\"}, {\"insurance\": \"MEDICAL\"}]")
                .then().statusCode(409).body("type", equalTo("https://flexsi.org/problems/assessment-open"));

        TestKafka.publish(new MedicalRateChanged(person, "370100", "0.05", "0.09", "POOLED_ONLY", "WITH_ACCOUNT", "2022-04",
                Instant.now(), 4L), REGISTRATION);
        await().until(() -> count("select count(*) from assessment where serial_number = '" + staleSerial + "' and status = 'CANCELLED'") == 1);

        AssessmentCancelled cancelled = Json.eventMapper().readValue(events(person, AssessmentCancelled.TYPE).get(0).value(),
                AssessmentCancelled.class);
        assertEquals(staleSerial, cancelled.serialNumber());
        assertTrue(cancelled.reason().startsWith("ENROLMENT_CHANGED: MEDICAL rate changed to 0.09"), cancelled.reason());
        as("contributor", person).get("/api/v1/assessments/" + staleSerial).then().statusCode(200)
                .body("closeReason", startsWith("ENROLMENT_CHANGED"));
        // months before the change, and assessments without medical, stay as they are
        Map<String, String> status = statuses(person);
        assertEquals("OPEN", status.get(pensionOnly));
        assertEquals("OPEN", status.get(earlyMedical));
        assertEquals("CANCELLED", status.get(staleSerial));

        String newTotal = assess(person, "[\"2022-04\", \"2022-05\"]", "[{\"insurance\": \"PENSION\"}, {\"insurance\": \"MEDICAL\"}]")
                .then().statusCode(201).extract().path("total");
        assertNotEquals(oldTotal, newTotal, "priced at the new medical plan");
    }

    @Test
    void anInterruptionCancelsOpenAssessmentsOfTheMonthsItNoLongerCovers() {
        clock.setTo(Instant.parse(JINAN_MAY_2022));
        String person = jinanPerson(1);
        String covered = assess(person, "[\"2022-01\", \"2022-02\"]", "[{\"insurance\": \"PENSION\"}]")
                .then().statusCode(201).extract().path("serialNumber");
        String uncovered = assess(person, "[\"2022-03\", \"2022-04\"]", "[{\"insurance\": \"PENSION\"}]")
                .then().statusCode(201).extract().path("serialNumber");
        String medical = assess(person, "[\"2022-03\"]", "[{\"insurance\": \"MEDICAL\"}]")
                .then().statusCode(201).extract().path("serialNumber");
        TestKafka.publish(new EnrolmentInterrupted(person, "PENSION", "370100", "2022-03", "lost income", Instant.now(), 2L),
                REGISTRATION);
        await().until(() -> count("select count(*) from assessment where serial_number = '" + uncovered + "' and status = 'CANCELLED'") == 1);
        Map<String, String> status = statuses(person);
        assertEquals("OPEN", status.get(covered));
        assertEquals("OPEN", status.get(medical));
        assertTrue(text("select close_reason from assessment where serial_number = '" + uncovered + "'")
                .startsWith("ENROLMENT_CHANGED: PENSION interrupted after 2022-03"));
    }

    @Test
    void aClientNamingARegistrationVersionNotYetSeenIsToldToRetryUntilItArrives() {
        clock.setTo(Instant.parse(JINAN_MAY_2022));
        String person = jinanPerson(2);
        long before = count("select count(*) from assessment where person_id = '" + person + "'");
        String body = "{\"personId\": \"" + person + "\", \"months\": [\"2022-05\"], \"insurances\": [{\"insurance\": \"MEDICAL\"}],"
                + " \"expectedRegistrationVersion\": 3}";
        as("contributor", person).header("Idempotency-Key", key()).body(body).post("/api/v1/assessments").then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://flexsi.org/problems/registration-not-yet-seen"))
                .body("expectedRegistrationVersion", equalTo(3)).body("seenRegistrationVersion", equalTo(2))
                .header("Retry-After", "1");
        String quote = "{\"region\": \"370100\", \"year\": 2022, \"months\": [\"2022-05\"], \"insurances\": [{\"insurance\": \"MEDICAL\", "
                + "\"plan\": \"WITH_ACCOUNT\"}], \"personId\": \"" + person + "\", \"expectedRegistrationVersion\": 3}";
        as("contributor", person).body(quote).post("/api/v1/quotes").then().statusCode(409).header("Retry-After", "1")
                .body("type", equalTo("https://flexsi.org/problems/registration-not-yet-seen"));
        // the version check does not open a door: someone else's person is still 403, a version without a person 400
        as("contributor", newPerson()).body(quote).post("/api/v1/quotes").then().statusCode(403);
        as("contributor", person).body(quote.replace("\"personId\": \"" + person + "\", ", "")).post("/api/v1/quotes")
                .then().statusCode(400);
        as("contributor", person).header("Idempotency-Key", key()).body(body.replace("3}", "0}")).post("/api/v1/assessments")
                .then().statusCode(400);
        assertEquals(before, count("select count(*) from assessment where person_id = '" + person + "'"));

        // registration's change (version 3) arrives; a late redelivery of version 2 does not take the counter back
        TestKafka.publish(new MedicalRateChanged(person, "370100", "0.05", "0.09", "POOLED_ONLY", "WITH_ACCOUNT", "2022-01",
                Instant.now(), 3L), REGISTRATION);
        await().until(() -> as("contributor", person).body(quote).post("/api/v1/quotes").statusCode() == 200);
        TestKafka.publish(new EnrolmentStarted(person, "PENSION", "370100", "2022-01", null, "6000.00", null, null, Instant.now(), 2L),
                REGISTRATION);
        await().until(() -> "6000.00".equals(text("select base from enrolment where person_id = '" + person + "' and insurance = 'PENSION'")));
        assertEquals("3", text("select version from registration_version where person_id = '" + person + "'"));
        String total = as("contributor", person).header("Idempotency-Key", key()).body(body).post("/api/v1/assessments")
                .then().statusCode(201).extract().path("total");
        String quoted = as("contributor", person).body(quote).post("/api/v1/quotes").then().statusCode(200).extract().path("total");
        assertEquals(quoted, total, "assessed at the new plan, as the quote for it");
    }

    /**
     * One polled batch is applied in one transaction: an enrolment changed through its entity, started again and then
     * changed once more ends as the last event left it, not as the first change's copy of the row remembers it.
     */
    @Test
    void enrolmentChangesAppliedInOneTransactionEachSeeTheOneBefore() {
        String person = newPerson();
        Instant at = Instant.now();
        QuarkusTransaction.requiringNew().run(() -> {
            persons.startEnrolment(person, "PENSION", "370100", "2022-03", null, "5000.00", null, null, at);
            persons.stopEnrolment(person, "PENSION", "INTERRUPTED", YearMonth.of(2022, 6), at);
            persons.startEnrolment(person, "PENSION", "370100", "2022-01", null, "6000.00", null, null, at);
            persons.stopEnrolment(person, "PENSION", "INTERRUPTED", YearMonth.of(2022, 6), at);
        });
        assertEquals("INTERRUPTED|2022-06|2022-01|6000.00", text("select status || '|' || last_covered_month || '|' || first_month"
                + " || '|' || base from enrolment where person_id = '" + person + "'"));
    }

    private static Response assess(String person, String months, String insurances) {
        return as("contributor", person).header("Idempotency-Key", key())
                .body("{\"personId\": \"" + person + "\", \"months\": " + months + ", \"insurances\": " + insurances + "}")
                .post("/api/v1/assessments");
    }

    private static Map<String, String> statuses(String person) {
        List<Map<String, String>> all = as("contributor", person).get("/api/v1/persons/" + person + "/assessments")
                .then().statusCode(200).extract().jsonPath().getList("$");
        return all.stream().collect(Collectors.toMap(a -> a.get("serialNumber"), a -> a.get("status")));
    }

    private static String text(String sql) {
        return Fixtures.text(sql);
    }

    /** A Jinan contributor as registration announces him, each event with the person's registration version. */
    private static String jinanPerson(long version) {
        String person = newPerson();
        TestKafka.publish(new PersonRegistered(person, "RESIDENT_ID", "370102199003071234", "李四", "MALE", LocalDate.of(1990, 3, 7),
                "370100", null, null, null, Instant.now(), version - 1 > 0 ? version - 1 : version), REGISTRATION);
        TestKafka.publish(new EnrolmentStarted(person, "PENSION", "370100", "2022-01", null, "5000.00", null, null, Instant.now(),
                version), REGISTRATION);
        TestKafka.publish(new EnrolmentStarted(person, "MEDICAL", "370100", "2022-01", null, null, "0.05", "POOLED_ONLY",
                Instant.now(), version), REGISTRATION);
        await().until(() -> count("select count(*) from enrolment where person_id = '" + person + "'") == 2
                && count("select count(*) from registration_version where person_id = '" + person + "' and version = " + version) == 1);
        return person;
    }
}
