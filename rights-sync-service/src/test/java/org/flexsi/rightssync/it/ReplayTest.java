package org.flexsi.rightssync.it;

import static org.awaitility.Awaitility.await;
import static io.restassured.RestAssured.given;
import static org.flexsi.rightssync.it.Fixtures.awaitStatuses;
import static org.flexsi.rightssync.it.Fixtures.held;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.flexsi.contracts.events.PaymentSucceeded;
import org.flexsi.contracts.events.RightsConfirmed;
import org.flexsi.platform.testing.TestKafka;
import org.flexsi.platform.testing.TestTokens;
import org.flexsi.simulators.Party;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ReplayTest {

    @Test
    void aReplayIsReceivedAgainButNeverCountedTwice() {
        String person = Fixtures.person();
        Fixtures.register(person);
        PaymentSucceeded payment = Fixtures.pension(person, "2026-08", Instant.now());
        TestKafka.publish(payment, Fixtures.PAYMENT);
        String recordId = awaitStatuses(payment.paymentId(), 1, "CONFIRMED").getString("records[0].recordId");
        String reference = Fixtures.records(payment.paymentId()).getString("records[0].agencyReference");

        given().header("Authorization", Fixtures.OPS).contentType("application/json")
                .body("{\"personId\":\"" + person + "\",\"dryRun\":true}").post("/api/v1/rights/replays")
                .then().statusCode(200).body("dryRun", equalTo(true)).body("records", equalTo(1))
                .body("recordIds", hasItem(recordId));
        Fixtures.awaitLaneRound(Party.PENSION);
        assertEquals(1, held(Party.PENSION, person).get(0).timesReceived(), "a dry run sends nothing");

        String key = "replay-" + UUID.randomUUID();
        String body = "{\"personId\":\"" + person + "\",\"from\":\"2020-01-01\",\"agency\":\"PENSION\",\"dryRun\":false}";
        given().header("Authorization", Fixtures.OPS).header("Idempotency-Key", key).contentType("application/json")
                .body(body).post("/api/v1/rights/replays").then().statusCode(200).body("records", equalTo(1));
        await("the agency received it again").until(() -> held(Party.PENSION, person).get(0).timesReceived() == 2);
        given().header("Authorization", Fixtures.OPS).header("Idempotency-Key", key).contentType("application/json")
                .body(body).post("/api/v1/rights/replays").then().statusCode(200).header("Idempotent-Replayed", "true");
        Fixtures.awaitLaneRound(Party.PENSION);
        assertEquals(2, held(Party.PENSION, person).get(0).timesReceived(), "a retried request replays nothing more");
        assertEquals(1, held(Party.PENSION, person).size(), "booked once");
        assertEquals("CONFIRMED", Fixtures.records(payment.paymentId()).getString("records[0].status"));
        assertEquals(reference, Fixtures.records(payment.paymentId()).getString("records[0].agencyReference"));
        assertEquals(1, Fixtures.announced(person, RightsConfirmed.TYPE));

        // who replayed what is in the access audit, once (the dry run and the retried request added nothing)
        List<Map<String, Object>> audited = given().header("Authorization", TestTokens.bearer("auditor", "auditor-1"))
                .queryParam("from", Instant.now().minus(Duration.ofHours(1)).toString())
                .queryParam("to", Instant.now().plus(Duration.ofHours(1)).toString()).queryParam("size", 5000)
                .get("/api/v1/access-audit").then().statusCode(200).extract().jsonPath().getList("$");
        List<Map<String, Object>> mine = audited.stream()
                .filter(e -> "replay".equals(e.get("action")) && String.valueOf(e.get("recordId")).contains(person)).toList();
        assertEquals(1, mine.size(), audited.toString());
        assertEquals("ops-1", mine.get(0).get("actor"));
        assertEquals("ops", mine.get(0).get("role"));
        assertEquals("rights-records", mine.get(0).get("recordType"));
    }

    @Test
    void aReplayNeedsCriteriaAKeyAndOps() {
        given().header("Authorization", Fixtures.OPS).header("Idempotency-Key", "replay-" + UUID.randomUUID())
                .contentType("application/json").body("{\"dryRun\":false}").post("/api/v1/rights/replays")
                .then().statusCode(400).contentType("application/problem+json");
        given().header("Authorization", Fixtures.OPS).contentType("application/json")
                .body("{\"region\":\"370700\"}").post("/api/v1/rights/replays")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("Idempotency-Key"));
        given().header("Authorization", Fixtures.OPS).contentType("application/json")
                .body("{\"from\":\"2026-03-02\",\"to\":\"2026-03-01\",\"dryRun\":true}").post("/api/v1/rights/replays")
                .then().statusCode(400).contentType("application/problem+json");
        given().header("Authorization", Fixtures.OPS).contentType("application/json")
                .body("{\"region\":\"37\",\"dryRun\":true}").post("/api/v1/rights/replays")
                .then().statusCode(400).body("errors.field", hasItem("region"));
        given().contentType("application/json").body("{\"region\":\"370700\",\"dryRun\":true}")
                .post("/api/v1/rights/replays").then().statusCode(401).contentType("application/problem+json");
        given().header("Authorization", TestTokens.bearer("agency", "weifang-pension")).contentType("application/json")
                .body("{\"region\":\"370700\",\"dryRun\":true}").post("/api/v1/rights/replays")
                .then().statusCode(403).contentType("application/problem+json");
    }
}
