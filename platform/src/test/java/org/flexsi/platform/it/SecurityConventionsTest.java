package org.flexsi.platform.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.flexsi.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

/** Who may reach what, as every service sees it: agencies bound to configured identities and regions, audience, audit. */
@QuarkusTest
@QuarkusTestResource(PlatformTestResource.class)
class SecurityConventionsTest {
    @Inject
    EntityManager em;

    @Test
    void anAgencyReachesOnlyTheRegionsItServes() {
        String weifangMedical = TestTokens.bearer("agency", "weifang-medical");
        given().header("Authorization", weifangMedical).get("/test/things/regions/370700")
                .then().statusCode(200).body("agency", equalTo("weifang-medical")).body("role", equalTo("agency"));
        given().header("Authorization", weifangMedical).get("/test/things/regions/420100")
                .then().statusCode(403).contentType("application/problem+json").body("detail", containsString("420100"));
        // a staff member signs in under his own name; the claim binds him to his agency
        given().header("Authorization", TestTokens.agencyStaff("wang.li", "wuhan-pension")).get("/test/things/regions/420100")
                .then().statusCode(200).body("subject", equalTo("wang.li")).body("agency", equalTo("wuhan-pension"));
    }

    @Test
    void operationsReachEveryRegionAsNoAgency() {
        given().header("Authorization", TestTokens.bearer("ops", "ops-1")).get("/test/things/regions/420100")
                .then().statusCode(200).body("role", equalTo("ops")).body("agency", nullValue());
    }

    @Test
    void anAgencyTokenNamingNoConfiguredAgencyIsNoAgency() {
        given().header("Authorization", TestTokens.bearer("agency", "anything-at-all")).get("/test/things/regions/370700")
                .then().statusCode(403).contentType("application/problem+json");
        given().header("Authorization", TestTokens.agencyStaff("wang.li", null)).get("/test/things/regions/370700")
                .then().statusCode(403);
    }

    @Test
    void aTokenIssuedForAnotherApplicationIsRefused() {
        given().header("Authorization", TestTokens.forAudience("some-other-app", "ops", "ops-1")).get("/test/things/regions/370700")
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void anUnknownFieldIsRefusedByNameAndNothingIsStored() {
        String name = "unknown-" + UUID.randomUUID();
        given().header("Authorization", TestTokens.bearer("ops", "ops-1")).header("Idempotency-Key", "key-" + UUID.randomUUID())
                .contentType("application/json").body("{\"name\":\"" + name + "\",\"zzNoSuchField\":1}").post("/test/things")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", containsString("unknown-field")).body("errors.field", hasItem("zzNoSuchField"));
        assertEquals(0L, QuarkusTransaction.requiringNew().call(() -> ((Number) em
                .createNativeQuery("select count(*) from test_effect where person_id = ?1").setParameter(1, "thing:" + name)
                .getSingleResult()).longValue()));
    }

    @Test
    void theOpenApiDocumentSaysRequestBodiesAreClosedAndNamesTheStandardProblems() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("components.schemas.NewThing.additionalProperties", equalTo(false))
                .body("paths.'/test/things'.post.responses.'401'.content.'application/problem+json'.schema.'$ref'",
                        equalTo("#/components/schemas/Problem"))
                .body("paths.'/test/things'.post.responses.keySet()", hasItems("400", "401", "403", "503"))
                // the auditor's export keeps its own, more telling 400 and 403
                .body("paths.'/api/v1/access-audit'.get.responses.'403'.description", equalTo("Not an auditor"));
    }

    @Test
    void everyRevealIsAuditedInAnAppendOnlyTableOnlyAnAuditorExports() {
        Instant before = Instant.now().minusSeconds(1);
        given().header("Authorization", TestTokens.bearer("agency", "jinan-medical")).get("/test/things/regions/370100")
                .then().statusCode(200);
        String window = "?from=" + before + "&to=" + Instant.now().plusSeconds(60);
        List<String> agencies = given().header("Authorization", TestTokens.bearer("auditor", "audit-1"))
                .get("/api/v1/access-audit" + window).then().statusCode(200).extract().path("agency");
        assertEquals(true, agencies.contains("jinan-medical"));
        given().header("Authorization", TestTokens.bearer("auditor", "audit-1")).get("/api/v1/access-audit?from=yesterday&to=now")
                .then().statusCode(400).contentType("application/problem+json");
        given().header("Authorization", TestTokens.bearer("ops", "ops-1")).get("/api/v1/access-audit" + window)
                .then().statusCode(403);
        given().get("/api/v1/access-audit" + window).then().statusCode(401);
        assertThrows(Exception.class, () -> QuarkusTransaction.requiringNew().run(() ->
                em.createNativeQuery("update access_audit set actor = 'someone-else'").executeUpdate()));
        assertThrows(Exception.class, () -> QuarkusTransaction.requiringNew().run(() ->
                em.createNativeQuery("delete from access_audit").executeUpdate()));
    }
}
