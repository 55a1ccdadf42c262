package org.flexsi.assessment.it;

import static org.flexsi.assessment.it.Fixtures.as;
import static org.flexsi.assessment.it.Fixtures.count;
import static org.flexsi.assessment.it.Fixtures.enrol;
import static org.flexsi.assessment.it.Fixtures.key;
import static org.flexsi.assessment.it.Fixtures.newPerson;
import static org.flexsi.assessment.it.Fixtures.register;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import org.flexsi.platform.time.PlatformClock;
import org.junit.jupiter.api.Test;

/** Issue 17, item 1: an agency acts only on persons (and assessments) of the regions it serves. */
@QuarkusTest
class AgencyRegionTest {
    @Inject
    PlatformClock clock;


    @Test
    void wuhansAgencyIsRefusedOnAWeifangPersonWhileWeifangsIsServed() {
        clock.setTo(Instant.parse("2023-03-10T02:00:00Z"));
        String person = newPerson();
        String idNumber = "37070219880101" + String.format("%04d", Math.abs(person.hashCode() % 10_000));
        register(person, idNumber, "孙八", "370700", enrol(person, "PENSION", "370700", "2023-01", null, "4378.00", null, null));
        String months = "{\"personId\": \"" + person + "\", \"months\": [%s], \"insurances\": [{\"insurance\": \"PENSION\"}]}";
        String serial = as("contributor", person).header("Idempotency-Key", key()).body(months.formatted("\"2023-01\""))
                .post("/api/v1/assessments").then().statusCode(201).extract().path("serialNumber");
        long stored = count("select count(*) from assessment where person_id = '" + person + "'");

        // Wuhan's pension agency: every operation on this person is a 403 problem naming the region
        as("agency", "wuhan-pension").header("Idempotency-Key", key()).body(months.formatted("\"2023-02\""))
                .post("/api/v1/assessments").then().statusCode(403).contentType("application/problem+json")
                .body("detail", containsString("370700"));
        as("agency", "wuhan-pension").get("/api/v1/assessments/" + serial).then().statusCode(403);
        as("agency", "wuhan-pension").get("/api/v1/persons/" + person + "/assessments").then().statusCode(403);
        as("agency", "wuhan-pension").get("/api/v1/persons/" + person + "/back-pay").then().statusCode(403);
        as("agency", "wuhan-pension").body("{\"name\": \"孙八\", \"idNumber\": \"" + idNumber + "\"}")
                .post("/api/v1/assessments/lookup").then().statusCode(403);
        as("agency", "wuhan-pension").header("Idempotency-Key", key()).body("{\"reason\": \"not ours\"}")
                .post("/api/v1/assessments/" + serial + "/cancellation").then().statusCode(403);
        // pushing for Weifang, or for a Weifang person under its own region code: the whole push is refused
        as("agency", "wuhan-pension").header("Idempotency-Key", key()).body(push("WH-" + person, person, "370700"))
                .post("/api/v1/agency/assessments").then().statusCode(403).contentType("application/problem+json");
        as("agency", "wuhan-pension").header("Idempotency-Key", key()).body(push("WH2-" + person, person, "420100"))
                .post("/api/v1/agency/assessments").then().statusCode(403).body("detail", containsString("370700"));
        // an agency token that names no configured agency has no agency role at all
        as("agency", "agency-hubei").header("Idempotency-Key", key()).body(push("X-" + person, person, "370700"))
                .post("/api/v1/agency/assessments").then().statusCode(403);
        as("agency", "anything-at-all").get("/api/v1/assessments/" + serial).then().statusCode(403);
        assertEquals(stored, count("select count(*) from assessment where person_id = '" + person + "'"));
        as("contributor", person).get("/api/v1/assessments/" + serial).then().statusCode(200).body("status", equalTo("OPEN"));

        // Weifang's medical agency serves 370700
        as("agency", "weifang-medical").get("/api/v1/assessments/" + serial).then().statusCode(200);
        as("agency", "weifang-medical").get("/api/v1/persons/" + person + "/assessments").then().statusCode(200)
                .body("serialNumber", contains(serial));
        as("agency", "weifang-medical").get("/api/v1/persons/" + person + "/back-pay").then().statusCode(200);
        as("agency", "weifang-medical").body("{\"name\": \"孙八\", \"idNumber\": \"" + idNumber + "\"}")
                .post("/api/v1/assessments/lookup").then().statusCode(200).body("serialNumber", contains(serial));
        as("agency", "weifang-medical").header("Idempotency-Key", key()).body("{\"reason\": \"counter correction\"}")
                .post("/api/v1/assessments/" + serial + "/cancellation").then().statusCode(200).body("status", equalTo("CANCELLED"));
        as("agency", "weifang-medical").header("Idempotency-Key", key()).body(months.formatted("\"2023-02\""))
                .post("/api/v1/assessments").then().statusCode(201).body("region", equalTo("370700"));
        as("agency", "weifang-medical").header("Idempotency-Key", key()).body(push("WF-" + person, person, "370700"))
                .post("/api/v1/agency/assessments").then().statusCode(200).body("accepted.reference", contains("WF-" + person))
                .body("rejected", hasSize(0));

        // the agencies' views of the person's list: Weifang sees all three, Jinan (same province, other city) nothing
        as("agency", "weifang-pension").get("/api/v1/persons/" + person + "/assessments").then().statusCode(200)
                .body("$", hasSize(3));
        as("agency", "jinan-pension").get("/api/v1/persons/" + person + "/assessments").then().statusCode(403);
        as("ops", "ops-1").get("/api/v1/persons/" + person + "/assessments").then().statusCode(200).body("$", hasSize(3));
    }

    private static String push(String reference, String person, String region) {
        return """
                {"assessments": [{"reference": "%s", "personId": "%s", "region": "%s", "year": 2022,
                  "lines": [{"insurance": "PENSION", "months": ["2022-11"], "amount": "875.60"}]}]}
                """.formatted(reference, person, region);
    }
}
