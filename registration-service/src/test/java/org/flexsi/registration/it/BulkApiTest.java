package org.flexsi.registration.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.List;
import org.flexsi.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
class BulkApiTest {
    @Inject
    EntityManager em;

    @Test
    void aJsonArrayGetsOneResultPerRowAndReSendingIsHarmless() {
        String good = Fixtures.freshId();
        String tooOld = Fixtures.residentId(LocalDate.of(1960, 5, 5), true);
        String badCheck = good.substring(0, 17) + (good.charAt(17) == '0' ? '1' : '0');
        String body = "[" + Fixtures.wuhanBody(good) + "," + Fixtures.wuhanBody(tooOld) + "," + Fixtures.wuhanBody(badCheck)
                + "," + Fixtures.wuhanBody(Fixtures.freshId()).replace("\"region\":\"420100\"", "\"region\":\"4201\"") + "]";
        Response first = Fixtures.agency().body(body).post("/api/v1/persons/bulk");
        first.then().statusCode(200).body("total", equalTo(4)).body("registered", equalTo(1)).body("failed", equalTo(3))
                .body("rows[0].status", equalTo("REGISTERED")).body("rows[0].personId", notNullValue())
                .body("rows[1].errors[0].field", equalTo("R2"))
                .body("rows[2].errors.field", hasItem("idNumber"))
                .body("rows[3].errors.field", hasItem("region"));
        String personId = first.path("rows[0].personId");

        Fixtures.agency().body(body).post("/api/v1/persons/bulk").then().statusCode(200)
                .body("registered", equalTo(0)).body("alreadyRegistered", equalTo(1))
                .body("rows[0].status", equalTo("ALREADY_REGISTERED")).body("rows[0].personId", equalTo(personId));
        assertEquals(1L, Fixtures.stored(em, good) + Fixtures.stored(em, tooOld));
        assertEquals(3, Fixtures.events(personId, 3).size(), "the re-send emitted nothing new");
    }

    @Test
    void csvRowsWithQuotesAndSeveralInsurances() {
        String a = Fixtures.freshId();
        String b = Fixtures.freshId();
        String csv = "idType,idNumber,name,mobile,region,district,agency,enrolmentDate,insurances,firstMonth,pensionGrade,medicalRate\r\n"
                + "RESIDENT_ID," + a + ",张伟,13812345678,420100,420106,\"武汉市社会保险中心, 武昌\",2026-01-05,PENSION;MEDICAL,202601,60,\r\n"
                + "RESIDENT_ID," + b + ",李娜,,420100,,,2026-13-01,PENSION,2026-01,60,\r\n"
                + "RESIDENT_ID," + b + ",李娜,,420100,,,2026-01-05,PENSION;DENTAL,2026-01,60,\r\n";
        given().header("Authorization", Fixtures.AGENCY).contentType("text/csv; charset=UTF-8").body(csv).post("/api/v1/persons/bulk")
                .then().statusCode(200).body("total", equalTo(3)).body("registered", equalTo(1))
                .body("rows[1].errors[0].field", equalTo("enrolmentDate"))
                .body("rows[2].errors[0].field", equalTo("insurances"));
        given().header("Authorization", Fixtures.AGENCY).queryParam("idNumber", a).get("/api/v1/persons")
                .then().body("[0].name", equalTo("张伟"));
        String personId = given().header("Authorization", Fixtures.AGENCY).queryParam("idNumber", a).get("/api/v1/persons")
                .then().extract().path("[0].personId");
        given().header("Authorization", Fixtures.AGENCY).get("/api/v1/persons/" + personId).then()
                .body("agency", equalTo("武汉市社会保险中心, 武昌")).body("enrolments.insurance", equalTo(List.of("PENSION", "MEDICAL")));
    }

    @Test
    void badBulkRequestsAreProblems() {
        long before = Fixtures.count(em, "select count(*) from person");
        for (String body : List.of("{", "[]", "\"" + "x".repeat(70_000) + "\"", "{\"region\": [\"x\"], \"amount\": \"NaN\"}")) {
            Fixtures.agency().body(body).post("/api/v1/persons/bulk").then().statusCode(400).contentType("application/problem+json");
        }
        given().header("Authorization", Fixtures.AGENCY).contentType("text/csv").body("idType,idNumber\n\"unclosed")
                .post("/api/v1/persons/bulk").then().statusCode(400).contentType("application/problem+json");
        given().header("Authorization", Fixtures.AGENCY).contentType("text/csv").body("idType,idNumber\n")
                .post("/api/v1/persons/bulk").then().statusCode(400);
        given().contentType("application/json").body("[]").post("/api/v1/persons/bulk").then().statusCode(401);
        given().header("Authorization", TestTokens.bearer("ops", "o")).contentType("application/json")
                .body("[" + Fixtures.wuhanBody(Fixtures.freshId()) + "]").post("/api/v1/persons/bulk").then().statusCode(403);
        assertEquals(before, Fixtures.count(em, "select count(*) from person"));
    }
}
