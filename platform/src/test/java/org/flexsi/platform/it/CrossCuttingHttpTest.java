package org.flexsi.platform.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.flexsi.platform.testing.TestTokens;
import org.flexsi.platform.time.PlatformClock;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(PlatformTestResource.class)
class CrossCuttingHttpTest {
    private static final String OPS = TestTokens.bearer("ops", "ops-1");

    @Inject
    EntityManager em;

    @Inject
    PlatformClock clock;

    @Test
    void aRetriedWriteRunsOnceAndReplaysTheFirstAnswer() {
        String key = "key-" + UUID.randomUUID();
        String first = given().header("Authorization", OPS).header("Idempotency-Key", key).contentType("application/json")
                .body("{\"name\":\"alpha-" + key + "\"}").post("/test/things")
                .then().statusCode(201).extract().path("id");
        given().header("Authorization", OPS).header("Idempotency-Key", key).contentType("application/json")
                .body("{\"name\":\"alpha-" + key + "\"}").post("/test/things")
                .then().statusCode(201).header("Idempotent-Replayed", "true").body("id", equalTo(first));
        assertEquals(1L, count("thing:alpha-" + key));
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("flexsi_platform_idempotency_replays_total{scope=\"things\"}"));
    }

    @Test
    void aKeyReusedForAnotherBodyIsRefused() {
        String key = "key-" + UUID.randomUUID();
        given().header("Authorization", OPS).header("Idempotency-Key", key).contentType("application/json")
                .body("{\"name\":\"one\"}").post("/test/things").then().statusCode(201);
        given().header("Authorization", OPS).header("Idempotency-Key", key).contentType("application/json")
                .body("{\"name\":\"two\"}").post("/test/things")
                .then().statusCode(422).contentType("application/problem+json").body("rule", equalTo("idempotency-key-reuse"));
        assertEquals(0L, count("thing:two"));
    }

    @Test
    void aBrokenRuleChangesNothingAndFreesTheKey() {
        String key = "key-" + UUID.randomUUID();
        given().header("Authorization", OPS).header("Idempotency-Key", key).contentType("application/json")
                .body("{\"name\":\"forbidden-name\"}").post("/test/things")
                .then().statusCode(422).contentType("application/problem+json").body("rule", equalTo("test-rule"));
        assertEquals(0L, count("thing:forbidden-name"));
        given().header("Authorization", OPS).header("Idempotency-Key", key).contentType("application/json")
                .body("{\"name\":\"allowed-" + key + "\"}").post("/test/things").then().statusCode(201);
    }

    @Test
    void badInputIsAProblemNamingTheField() {
        given().header("Authorization", OPS).header("Idempotency-Key", "key-" + UUID.randomUUID()).contentType("application/json")
                .body("{\"name\":\"\",\"month\":\"2026/01\"}").post("/test/things")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("name")).body("errors.field", hasItem("month"));
        given().header("Authorization", OPS).header("Idempotency-Key", "key-" + UUID.randomUUID()).contentType("application/json")
                .body("{").post("/test/things")
                .then().statusCode(400).contentType("application/problem+json");
        given().header("Authorization", OPS).header("Idempotency-Key", "key-" + UUID.randomUUID()).contentType("application/json")
                .body("[]").post("/test/things")
                .then().statusCode(400).contentType("application/problem+json");
        given().header("Authorization", OPS).contentType("application/json")
                .body("{\"name\":\"no-key\"}").post("/test/things")
                .then().statusCode(400).contentType("application/problem+json").body("detail", containsString("Idempotency-Key"));
        assertEquals(0L, count("thing:no-key"));
    }

    @Test
    void textTheDatabaseCannotStoreIsAProblemNamingWhereItWas() {
        given().header("Authorization", OPS).header("Idempotency-Key", "key-" + UUID.randomUUID()).contentType("application/json")
                .body("{\"name\":\"nul-\\u0000-inside\"}").post("/test/things")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("name"));
        given().header("Authorization", OPS).urlEncodingEnabled(false).get("/test/things/a%00b")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("path"));
        given().header("Authorization", OPS).urlEncodingEnabled(false).get("/test/things/a?or=b%00")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("or"));
        given().header("Authorization", OPS).get("/test/things/a?or=b").then().statusCode(200);

        // what validation does not limit, the database refuses (a 60-character column): a problem, nothing stored
        String tooLong = "x".repeat(80);
        given().header("Authorization", OPS).header("Idempotency-Key", "key-" + UUID.randomUUID()).contentType("application/json")
                .body("{\"name\":\"" + tooLong + "\"}").post("/test/things")
                .then().statusCode(400).contentType("application/problem+json").body("type", containsString("unstorable-value"));
        assertEquals(0L, count("thing:" + tooLong));
    }

    @Test
    void callersWithoutAValidTokenOrRoleAreRefused() {
        given().contentType("application/json").body("{\"name\":\"x\"}").post("/test/things")
                .then().statusCode(401).contentType("application/problem+json");
        given().header("Authorization", "Bearer not.a.token").contentType("application/json").body("{\"name\":\"x\"}")
                .post("/test/things").then().statusCode(401);
        given().header("Authorization", TestTokens.bearer("contributor", "p-1")).header("Idempotency-Key", "key-" + UUID.randomUUID())
                .contentType("application/json").body("{\"name\":\"x\"}").post("/test/things")
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void everyAnswerCarriesATraceIdTakenFromTraceparentWhenGiven() {
        given().header("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01").get("/test/nowhere")
                .then().header("X-Trace-Id", "4bf92f3577b34da6a3ce929d0e0e4736");
        given().get("/test/nowhere").then().header("X-Trace-Id", org.hamcrest.Matchers.matchesPattern("[0-9a-f]{32}"));
    }

    @Test
    void unknownPathsAreProblemsToo() {
        given().get("/test/nowhere").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void theTestClockControlIsAbsentUnlessSwitchedOnAndNotDocumented() {
        Instant tomorrow = Instant.now().plusSeconds(86_400);
        given().header("Authorization", OPS).contentType("application/json").body("{\"instant\":\"" + tomorrow + "\"}")
                .put("/q/flexsi/clock").then().statusCode(404);
        given().contentType("application/json").body("{\"instant\":\"" + tomorrow + "\"}").put("/q/flexsi/clock")
                .then().statusCode(404);
        assertEquals(Duration.ZERO, clock.offset(), "the clock did not move");
        given().get("/q/openapi?format=json").then().statusCode(200).body(not(containsString("flexsi/clock")));
    }

    private long count(String personId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em
                .createNativeQuery("select count(*) from test_effect where person_id = ?1").setParameter(1, personId)
                .getSingleResult()).longValue());
    }
}
