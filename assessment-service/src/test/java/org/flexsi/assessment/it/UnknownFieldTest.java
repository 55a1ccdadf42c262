package org.flexsi.assessment.it;

import static io.restassured.RestAssured.given;
import static org.flexsi.assessment.it.Fixtures.as;
import static org.flexsi.assessment.it.Fixtures.count;
import static org.flexsi.assessment.it.Fixtures.enrol;
import static org.flexsi.assessment.it.Fixtures.key;
import static org.flexsi.assessment.it.Fixtures.newPerson;
import static org.flexsi.assessment.it.Fixtures.register;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Issue 16 item 3: a field the request does not have is refused by name, never silently ignored. */
@QuarkusTest
class UnknownFieldTest {
    @Test
    void anAssessmentWithAQuotesTopLevelBaseIsRefusedNamingTheField() {
        String person = newPerson();
        register(person, "370102199003071234", "王五", "370100", enrol(person, "PENSION", "370100", "2022-01", null, "3746.00", null, null));
        long before = count("select count(*) from assessment where person_id = '" + person + "'");
        // the case: the base the contributor typed was priced as the registered one, without a word
        as("contributor", person).header("Idempotency-Key", key())
                .body("{\"personId\": \"" + person + "\", \"months\": [\"2022-01\"], \"base\": \"9000.00\", \"insurances\": [{\"insurance\": \"PENSION\"}]}")
                .post("/api/v1/assessments").then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://flexsi.org/problems/unknown-field"))
                .body("errors[0].field", equalTo("base")).body("detail", containsString("base"));
        as("contributor", person).header("Idempotency-Key", key())
                .body("{\"personId\": \"" + person + "\", \"months\": [\"2022-01\"], \"insurances\": [{\"insurance\": \"PENSION\", \"amount\": \"1.00\"}]}")
                .post("/api/v1/assessments").then().statusCode(400)
                .body("type", equalTo("https://flexsi.org/problems/unknown-field")).body("detail", containsString("amount"));
        assertEquals(before, count("select count(*) from assessment where person_id = '" + person + "'"));

        as("contributor", person).body("{\"region\": \"370100\", \"year\": 2022, \"months\": [\"2022-01\"], \"insurances\": "
                + "[{\"insurance\": \"PENSION\"}], \"expectedVersion\": 3}").post("/api/v1/quotes").then().statusCode(400)
                .body("type", equalTo("https://flexsi.org/problems/unknown-field")).body("detail", containsString("expectedVersion"));
        as("agency", "jinan-pension").header("Idempotency-Key", key()).body("{\"assessments\": [], \"dryRun\": true}")
                .post("/api/v1/agency/assessments").then().statusCode(400).body("detail", containsString("dryRun"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theOpenApiDocumentSaysTheRequestIsClosedAndHasNoTopLevelBase() {
        Map<String, Object> schema = given().get("/q/openapi?format=json").then().statusCode(200).extract().jsonPath()
                .getMap("components.schemas.AssessmentRequest");
        assertEquals(false, schema.get("additionalProperties"));
        assertEquals(false, ((Map<String, Object>) schema.get("properties")).containsKey("base"));
        assertEquals(true, ((Map<String, Object>) schema.get("properties")).containsKey("expectedRegistrationVersion"));
    }
}
