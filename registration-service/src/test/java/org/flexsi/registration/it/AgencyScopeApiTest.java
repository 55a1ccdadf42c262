package org.flexsi.registration.it;

import static io.restassured.RestAssured.given;
import static org.flexsi.registration.it.Fixtures.AGENCY;
import static org.flexsi.registration.it.Fixtures.OPS;
import static org.flexsi.registration.it.Fixtures.WEIFANG;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import org.flexsi.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

/** Issue 17 items 1 and 2: an agency acts only in the regions it serves, and only a configured agency acts at all. */
@QuarkusTest
class AgencyScopeApiTest {
    @Inject
    EntityManager em;

    private static String path(String personId, String rest) {
        return "/api/v1/persons/" + personId + rest;
    }

    /** Every write on an existing person, with a body that would succeed for the person's own agency. */
    private static Map<String, String> writes(String personId) {
        return Map.of(
                path(personId, "/enrolments"), "{\"enrolmentDate\":\"2026-02-01\",\"enrolment\":{\"insurance\":\"LONG_TERM_CARE\",\"firstMonth\":\"2026-02\"}}",
                path(personId, "/enrolments/MEDICAL/interruption"), "{\"lastCoveredMonth\":\"2026-03\"}",
                path(personId, "/enrolments/PENSION/continuation"), "{\"fromMonth\":\"2026-07\"}",
                path(personId, "/enrolments/WORK_INJURY/suspension"), "{\"reason\":\"moved\",\"effectiveDate\":\"2026-10-01\"}",
                path(personId, "/medical-rate-change"), "{\"effectiveMonth\":\"2026-07\",\"rate\":\"0.09\"}",
                path(personId, "/proxies"), "{\"proxyId\":\"proxy-counter\",\"consentDate\":\"2026-01-10\",\"evidence\":\"WF-1\"}",
                path(personId, "/reveal"), "{\"reason\":\"checking a complaint\"}");
    }

    @Test
    void aWuhanAgencyIsRefusedOnAWeifangPersonForEveryOperation() {
        String personId = Fixtures.registerWeifang();
        long changesBefore = changes(personId);

        for (String read : List.of("", "/history", "/coverage?month=2026-01", "/proxies")) {
            given().header("Authorization", AGENCY).get(path(personId, read)).then().statusCode(403)
                    .contentType("application/problem+json").body("detail", containsString("370700"));
        }
        writes(personId).forEach((path, body) -> Fixtures.agency().body(body).post(path).then().statusCode(403)
                .contentType("application/problem+json"));
        assertEquals(changesBefore, changes(personId), "nothing was written");
        assertEquals(0L, Fixtures.count(em, "select count(*) from proxy_link where person_id = '" + personId + "'"));

        // the Weifang agency reaches the same person
        for (String read : List.of("", "/history", "/coverage?month=2026-01", "/proxies")) {
            given().header("Authorization", WEIFANG).get(path(personId, read)).then().statusCode(200);
        }
        Fixtures.weifang().body(writes(personId).get(path(personId, "/medical-rate-change")))
                .post(path(personId, "/medical-rate-change")).then().statusCode(200);
        // operations reach everyone for reading
        given().header("Authorization", OPS).get(path(personId, "")).then().statusCode(200);
        given().header("Authorization", OPS).get(path(personId, "/history")).then().statusCode(200);
    }

    @Test
    void anAgencyRegistersOnlyInItsRegions() {
        String id = Fixtures.freshId();
        Fixtures.agency().body(Fixtures.weifangBody(id, "COUNTER")).post("/api/v1/persons").then().statusCode(403)
                .contentType("application/problem+json").body("detail", containsString("wuhan-pension"));
        assertEquals(0L, stored(id));
        Fixtures.weifang().body(Fixtures.weifangBody(id, "COUNTER")).post("/api/v1/persons").then().statusCode(201);
    }

    @Test
    void anUnknownAgencyIsNoAgency() {
        String id = Fixtures.freshId();
        for (String unknown : List.of("anything-at-all", "agency-hubei")) {
            Fixtures.as(TestTokens.bearer("agency", unknown)).body(Fixtures.wuhanBody(id)).post("/api/v1/persons")
                    .then().statusCode(403).contentType("application/problem+json");
        }
        String personId = Fixtures.registerWuhan();
        given().header("Authorization", TestTokens.bearer("agency", "anything-at-all")).get(path(personId, ""))
                .then().statusCode(403);
        assertEquals(0L, stored(id));
    }

    @Test
    void bulkRowsOutsideTheAgencysRegionsFailAlone() {
        String wuhan = Fixtures.freshId();
        String weifang = Fixtures.freshId();
        String body = "[" + Fixtures.wuhanBody(wuhan) + "," + Fixtures.weifangBody(weifang, "COUNTER") + "]";
        Fixtures.agency().body(body).post("/api/v1/persons/bulk").then().statusCode(200)
                .body("registered", equalTo(1)).body("failed", equalTo(1))
                .body("rows[0].status", equalTo("REGISTERED"))
                .body("rows[1].status", equalTo("FAILED")).body("rows[1].errors[0].field", equalTo("region"))
                .body("rows[1].errors[0].message", containsString("370700"));
        assertEquals(0L, stored(weifang));

        String csv = "idType,idNumber,name,region,enrolmentDate,insurances,firstMonth,pensionBase\n"
                + "RESIDENT_ID," + weifang + ",李娜,370700,2026-01-05,PENSION,2026-01,3980\n";
        given().header("Authorization", AGENCY).contentType("text/csv").body(csv).post("/api/v1/persons/bulk").then()
                .statusCode(200).body("failed", equalTo(1)).body("rows[0].errors[0].field", equalTo("region"));
        assertEquals(0L, stored(weifang));
    }

    @Test
    void theSearchOfAnAgencyStaysInItsRegions() {
        String weifangId = Fixtures.freshId();
        Fixtures.weifang().body(Fixtures.weifangBody(weifangId, "COUNTER")).post("/api/v1/persons").then().statusCode(201);
        Fixtures.registerWuhan();

        given().header("Authorization", AGENCY).queryParam("region", "370700").get("/api/v1/persons").then().statusCode(403);
        given().header("Authorization", AGENCY).queryParam("idNumber", weifangId).get("/api/v1/persons").then()
                .statusCode(200).body("", hasSize(0));
        given().header("Authorization", AGENCY).get("/api/v1/persons").then().statusCode(200)
                .body("region", everyItem(equalTo("420100")));
        given().header("Authorization", WEIFANG).queryParam("idNumber", weifangId).get("/api/v1/persons").then()
                .statusCode(200).body("", hasSize(1));
        given().header("Authorization", OPS).queryParam("region", "370700").get("/api/v1/persons").then().statusCode(200)
                .body("region", everyItem(equalTo("370700")));
        given().header("Authorization", OPS).queryParam("idNumber", weifangId).get("/api/v1/persons").then()
                .statusCode(200).body("", hasSize(1));
    }

    private long changes(String personId) {
        return Fixtures.count(em, "select count(*) from enrolment_change where person_id = '" + personId + "'");
    }

    private long stored(String idNumber) {
        return Fixtures.stored(em, idNumber);
    }
}
