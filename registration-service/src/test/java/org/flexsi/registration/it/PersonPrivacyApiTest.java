package org.flexsi.registration.it;

import static io.restassured.RestAssured.given;
import static org.flexsi.registration.it.Fixtures.OPS;
import static org.flexsi.registration.it.Fixtures.WEIFANG;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import org.flexsi.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

/** Issue 17 item 4: full personal data only to the person and his own agency; masked otherwise; an audited reveal. */
@QuarkusTest
class PersonPrivacyApiTest {
    @Inject
    EntityManager em;

    private static String registerWithMobile(String id) {
        return Fixtures.weifang().body(Fixtures.weifangBody(id, "COUNTER").replace("\"name\":\"李娜\"",
                "\"name\":\"李娜\",\"mobile\":\"13912345678\"")).post("/api/v1/persons").then().statusCode(201)
                .extract().path("personId");
    }

    private static String birthDate(String id) {
        return id.substring(6, 10) + "-" + id.substring(10, 12) + "-" + id.substring(12, 14);
    }

    private static void full(ValidatableResponse response, String id) {
        response.statusCode(200).body("masked", equalTo(false)).body("idNumber", equalTo(id))
                .body("mobile", equalTo("13912345678")).body("birthDate", equalTo(birthDate(id)));
    }

    private static void masked(ValidatableResponse response, String id) {
        response.statusCode(200).body("masked", equalTo(true))
                .body("idNumber", equalTo(id.substring(0, 4) + "**********" + id.substring(14)))
                .body("mobile", equalTo("139****5678")).body("birthDate", equalTo(id.substring(6, 10) + "-**-**"));
    }

    @Test
    void thePersonAndHisOwnAgencySeeFullValuesOthersMasked() {
        String id = Fixtures.freshId();
        String personId = registerWithMobile(id);
        String proxy = "proxy-privacy-" + personId;
        Fixtures.weifang().body("{\"proxyId\":\"" + proxy + "\",\"consentDate\":\"2026-01-10\",\"evidence\":\"WF-CONSENT-1\"}")
                .post("/api/v1/persons/" + personId + "/proxies").then().statusCode(201);

        full(given().header("Authorization", TestTokens.bearer("contributor", personId)).get("/api/v1/persons/" + personId).then(), id);
        assertEquals(0L, audits(personId, "read-personal-data"), "the person reading himself is not an access to audit");
        full(given().header("Authorization", WEIFANG).get("/api/v1/persons/" + personId).then(), id);
        assertEquals(1L, audits(personId, "read-personal-data"), "the own agency's full read is audited");
        masked(given().header("Authorization", OPS).get("/api/v1/persons/" + personId).then(), id);
        masked(given().header("Authorization", TestTokens.bearer("proxy", proxy)).get("/api/v1/persons/" + personId).then(), id);
        assertEquals(1L, audits(personId, "read-personal-data"));
    }

    @Test
    void aRevealGivesFullValuesWithAReasonAndIsAudited() {
        String id = Fixtures.freshId();
        String personId = registerWithMobile(id);
        String reveal = "/api/v1/persons/" + personId + "/reveal";

        full(Fixtures.as(OPS).body("{\"reason\":\"complaint 2026-0417: caller verified\"}").post(reveal).then(), id);
        assertEquals(1L, audits(personId, "reveal-personal-data"));
        assertEquals(1L, Fixtures.count(em, "select count(*) from access_audit where record_id = '" + personId
                + "' and action = 'reveal-personal-data' and actor = 'ops-1' and role = 'ops' and record_type = 'person'"));
        assertEquals(1L, Fixtures.count(em, "select count(*) from reveal_reason where person_id = '" + personId
                + "' and reason = 'complaint 2026-0417: caller verified' and actor = 'ops-1'"));
        full(Fixtures.weifang().body("{\"reason\":\"counter check\"}").post(reveal).then(), id);
        assertEquals(1L, Fixtures.count(em, "select count(*) from access_audit where record_id = '" + personId
                + "' and action = 'reveal-personal-data' and agency = 'weifang-medical'"));

        // no reason, a blank one, or a caller who may not: nothing revealed, nothing audited
        Fixtures.as(OPS).body("{}").post(reveal).then().statusCode(400).body("errors.field", hasItem("reason"));
        Fixtures.as(OPS).body("{\"reason\":\"  \"}").post(reveal).then().statusCode(400);
        Fixtures.agency().body("{\"reason\":\"curious\"}").post(reveal).then().statusCode(403);
        for (String token : List.of(TestTokens.bearer("contributor", personId), TestTokens.bearer("proxy", "p-1"),
                TestTokens.bearer("bank", "bank-1"), TestTokens.bearer("auditor", "aud-1"))) {
            Fixtures.as(token).body("{\"reason\":\"curious\"}").post(reveal).then().statusCode(403);
        }
        given().contentType("application/json").body("{\"reason\":\"x\"}").post(reveal).then().statusCode(401);
        assertEquals(2L, audits(personId, "reveal-personal-data"));
    }

    private long audits(String personId, String action) {
        return Fixtures.count(em, "select count(*) from access_audit where record_id = '" + personId + "' and action = '"
                + action + "'");
    }
}
