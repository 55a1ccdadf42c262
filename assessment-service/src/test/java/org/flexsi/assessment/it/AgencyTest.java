package org.flexsi.assessment.it;

import static io.restassured.RestAssured.given;
import static org.flexsi.assessment.it.Fixtures.as;
import static org.flexsi.assessment.it.Fixtures.count;
import static org.flexsi.assessment.it.Fixtures.enrol;
import static org.flexsi.assessment.it.Fixtures.events;
import static org.flexsi.assessment.it.Fixtures.key;
import static org.flexsi.assessment.it.Fixtures.newPerson;
import static org.flexsi.assessment.it.Fixtures.register;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import org.flexsi.contracts.Json;
import org.flexsi.contracts.events.AssessmentCreated;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AgencyTest {
    @Test
    void anAgencyPushesInBulkAndTheContributorFetchesByNameAndIdNumber() throws Exception {
        String person = newPerson();
        String idNumber = "36010219850101" + String.format("%04d", Math.abs(person.hashCode() % 10_000));
        register(person, idNumber, "钱七", "360102", enrol(person, "PENSION", "360102", "2019-01", "60", null, null, null));
        String reference = "JX-" + person;
        String push = """
                {"assessments": [
                  {"reference": "%s", "name": "钱七", "idNumber": "%s", "region": "360000", "year": 2019,
                   "lines": [{"insurance": "PENSION", "months": ["2019-02", "2019-01"], "base": "2840.00", "rate": "0.20", "amount": "1136.00"},
                             {"insurance": "PENSION", "months": ["2019-01", "2019-02"], "amount": "12.40", "part": "LATE_FEE"}]},
                  {"reference": "%s-x", "personId": "nobody-%s", "region": "360000",
                   "lines": [{"insurance": "MEDICAL", "months": ["2019-01"], "amount": "403.20"}]}]}
                """.formatted(reference, idNumber, reference, person);
        String key = key();
        String serial = as("agency", "jiangxi-pension").header("Idempotency-Key", key).body(push).post("/api/v1/agency/assessments")
                .then().statusCode(200)
                .body("accepted.reference", contains(reference)).body("accepted[0].duplicate", equalTo(false))
                .body("rejected.rule", contains("R3"))
                .extract().path("accepted[0].serialNumber");

        // the same push under a new key: the known reference is a duplicate, nothing is stored twice
        as("agency", "jiangxi-pension").header("Idempotency-Key", key()).body(push).post("/api/v1/agency/assessments")
                .then().statusCode(200).body("accepted[0].duplicate", equalTo(true)).body("accepted[0].serialNumber", equalTo(serial));
        assertEquals(1, count("select count(*) from assessment where agency_reference = '" + reference + "'"));

        AssessmentCreated event = Json.eventMapper().readValue(events(person, AssessmentCreated.TYPE).get(0).value(),
                AssessmentCreated.class);
        assertEquals("AGENCY", event.source());
        assertEquals("1148.40", event.total());

        as("contributor", person).body("{\"name\": \"钱七\", \"idNumber\": \"" + idNumber + "\"}").post("/api/v1/assessments/lookup")
                .then().statusCode(200).body("serialNumber", contains(serial)).body("[0].source", equalTo("AGENCY"))
                .body("[0].lines[0].months", contains("2019-01", "2019-02"));
        as("bank", "bank-counter-1").body("{\"name\": \"钱七\", \"idNumber\": \"" + idNumber.toLowerCase() + "\"}")
                .post("/api/v1/assessments/lookup").then().statusCode(200).body("$", hasSize(1));
        as("contributor", newPerson()).body("{\"name\": \"钱七\", \"idNumber\": \"" + idNumber + "\"}").post("/api/v1/assessments/lookup")
                .then().statusCode(403);
        as("contributor", person).body("{\"name\": \"钱八\", \"idNumber\": \"" + idNumber + "\"}").post("/api/v1/assessments/lookup")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void onlyAgenciesPushAndBadPushesAreProblems() {
        String push = "{\"assessments\": [{\"reference\": \"r1\", \"personId\": \"p\", \"region\": \"360000\","
                + " \"lines\": [{\"insurance\": \"PENSION\", \"months\": [\"2019-01\"], \"amount\": \"1.00\"}]}]}";
        given().contentType("application/json").body(push).post("/api/v1/agency/assessments").then().statusCode(401);
        as("contributor", "p").header("Idempotency-Key", key()).body(push).post("/api/v1/agency/assessments").then().statusCode(403);
        long before = count("select count(*) from assessment");
        as("agency", "jiangxi-pension").header("Idempotency-Key", key()).body(push.replace("\"1.00\"", "\"-1.00\""))
                .post("/api/v1/agency/assessments").then().statusCode(400).contentType("application/problem+json");
        as("agency", "jiangxi-pension").header("Idempotency-Key", key()).body("{\"assessments\": []}")
                .post("/api/v1/agency/assessments").then().statusCode(400);
        for (String bad : new String[] {"{", "[]", "{\"region\": [\"x\"], \"amount\": \"NaN\", \"idNumber\": \"\\u0000'; DROP TABLE x;--\", \"year\": 99999999999}",
                "\"" + "A".repeat(70_000) + "\""}) {
            as("agency", "jiangxi-pension").header("Idempotency-Key", key()).body(bad).post("/api/v1/agency/assessments")
                    .then().statusCode(400).contentType("application/problem+json");
            as("agency", "jiangxi-pension").body(bad).post("/api/v1/assessments/lookup").then().statusCode(400).contentType("application/problem+json");
        }
        assertEquals(before, count("select count(*) from assessment"));
    }
}
