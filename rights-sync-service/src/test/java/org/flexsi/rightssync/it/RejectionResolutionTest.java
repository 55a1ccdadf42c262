package org.flexsi.rightssync.it;

import static org.awaitility.Awaitility.await;
import static io.restassured.RestAssured.given;
import static org.flexsi.rightssync.it.Fixtures.awaitStatuses;
import static org.flexsi.rightssync.it.Fixtures.held;
import static org.flexsi.rightssync.it.Fixtures.records;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.flexsi.contracts.events.PaymentSucceeded;
import org.flexsi.contracts.events.RightsConfirmed;
import org.flexsi.platform.testing.TestKafka;
import org.flexsi.platform.testing.TestTokens;
import org.flexsi.simulators.Party;
import org.flexsi.simulators.agency.HeldRecord;
import org.flexsi.simulators.agency.RecordStatus;
import org.flexsi.simulators.fault.Fault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Ops take entries off the rejection work list: send again once the cause is fixed, or close with a note. */
@QuarkusTest
class RejectionResolutionTest {

    @AfterEach
    void clearFaults() {
        AgencySimulators.simulators().faults().clear();
    }

    private static String rejectedRecord(String person) {
        Fixtures.register(person);
        AgencySimulators.simulators().faults().inject(Fault.rejectPersons(Party.PENSION, person));
        PaymentSucceeded payment = Fixtures.pension(person, "2026-04", Instant.now());
        TestKafka.publish(payment, Fixtures.PAYMENT);
        return awaitStatuses(payment.paymentId(), 1, "REJECTED").getString("records[0].recordId");
    }

    private static io.restassured.response.ValidatableResponse resolve(String recordId, String key, String body) {
        return given().header("Authorization", Fixtures.OPS).header("Idempotency-Key", key).contentType("application/json")
                .body(body).post("/api/v1/rights/rejected/" + recordId + "/resolution").then();
    }

    @Test
    void aResendAfterTheCauseIsFixedIsConfirmedUnderANewRecordAndBookedOnce() {
        String person = Fixtures.person();
        String rejected = rejectedRecord(person);
        given().header("Authorization", Fixtures.OPS).get("/api/v1/rights/rejected").then().statusCode(200)
                .body("records.find { it.recordId == '" + rejected + "' }.resolution", equalTo(null));
        AgencySimulators.simulators().faults().clear(); // the person is now enrolled with the pension agency

        String key = "resolve-" + UUID.randomUUID();
        String body = "{\"action\":\"RESEND\",\"note\":\"enrolled since 2026-04-03\"}";
        String successor = resolve(rejected, key, body).statusCode(200)
                .body("status", equalTo("REJECTED")).body("resolution.action", equalTo("RESEND"))
                .body("resolution.resolvedBy", equalTo("ops-1")).body("resolution.resolvedAt", notNullValue())
                .body("resolution.note", equalTo("enrolled since 2026-04-03"))
                .extract().jsonPath().getString("resolution.successorRecordId");
        // a retried request gets the same answer and creates nothing more
        resolve(rejected, key, body).statusCode(200).header("Idempotent-Replayed", "true")
                .body("resolution.successorRecordId", equalTo(successor));

        String paymentId = paymentOf(rejected, person);
        await("the successor confirmed").until(() -> "CONFIRMED".equals(statusOf(paymentId, successor)));
        JsonPath both = records(paymentId);
        assertEquals(2, both.getList("records").size());
        assertEquals(rejected, recordOf(both, successor).get("resendOf"));
        List<HeldRecord> held = held(Party.PENSION, person);
        assertEquals(Map.of(rejected, RecordStatus.REJECTED, successor, RecordStatus.CONFIRMED), Map.of(
                held.get(0).recordId(), held.get(0).status(), held.get(1).recordId(), held.get(1).status()));
        assertEquals(1, Fixtures.announced(person, RightsConfirmed.TYPE));
        // the contributor sees the rights that were sent again, not the old rejection
        given().header("Authorization", TestTokens.bearer("contributor", person)).queryParam("month", "2026-04")
                .get("/api/v1/rights/me").then().statusCode(200).body("status", equalTo("CONFIRMED"));
        // resolved once: another resolution is refused
        resolve(rejected, "resolve-" + UUID.randomUUID(), "{\"action\":\"CLOSE\",\"note\":\"again\"}").statusCode(409)
                .contentType("application/problem+json");
    }

    @Test
    void aCloseNeedsANoteAndStaysOnTheListWithIt() {
        String person = Fixtures.person();
        String rejected = rejectedRecord(person);
        resolve(rejected, "resolve-" + UUID.randomUUID(), "{\"action\":\"CLOSE\"}").statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("note"));
        resolve(rejected, "resolve-" + UUID.randomUUID(), "{\"action\":\"CLOSE\",\"note\":\"  \"}").statusCode(400)
                .body("errors.field", hasItem("note"));
        given().header("Authorization", Fixtures.OPS).get("/api/v1/rights/rejected").then().statusCode(200)
                .body("records.find { it.recordId == '" + rejected + "' }.resolution", equalTo(null));

        resolve(rejected, "resolve-" + UUID.randomUUID(), "{\"action\":\"CLOSE\",\"note\":\"paid at the counter instead\"}")
                .statusCode(200).body("resolution.action", equalTo("CLOSE")).body("resolution.successorRecordId", equalTo(null));
        given().header("Authorization", Fixtures.OPS).get("/api/v1/rights/rejected").then().statusCode(200)
                .body("records.find { it.recordId == '" + rejected + "' }.resolution.note", equalTo("paid at the counter instead"))
                .body("records.find { it.recordId == '" + rejected + "' }.resolution.resolvedBy", equalTo("ops-1"));
        Fixtures.awaitLaneRound(Party.PENSION);
        assertEquals(1, held(Party.PENSION, person).size(), "a closed record is not sent again");
        assertEquals(1, held(Party.PENSION, person).get(0).timesReceived());
    }

    @Test
    void onlyARejectedRecordCanBeResolved() {
        String person = Fixtures.person();
        Fixtures.register(person);
        PaymentSucceeded payment = Fixtures.pension(person, "2026-04", Instant.now());
        TestKafka.publish(payment, Fixtures.PAYMENT);
        String confirmed = awaitStatuses(payment.paymentId(), 1, "CONFIRMED").getString("records[0].recordId");
        resolve(confirmed, "resolve-" + UUID.randomUUID(), "{\"action\":\"RESEND\"}").statusCode(409)
                .contentType("application/problem+json");
        resolve("RS-no-such-record", "resolve-" + UUID.randomUUID(), "{\"action\":\"RESEND\"}").statusCode(404)
                .contentType("application/problem+json");
        assertEquals(1, records(payment.paymentId()).getList("records").size(), "nothing created");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{", "[]", "{\"action\":\"MAYBE\"}", "{}", "{\"action\":null}",
            "{\"action\":\"CLOSE\",\"note\":[\"x\"]}"})
    void badBodiesAreProblems(String body) {
        resolve("RS-any", "resolve-bad-body-1", body).statusCode(400).contentType("application/problem+json");
    }

    @Test
    void aTooLongNoteOrAMissingKeyIsAProblem() {
        resolve("RS-any", "resolve-" + UUID.randomUUID(), "{\"action\":\"CLOSE\",\"note\":\"" + "x".repeat(501) + "\"}")
                .statusCode(400).body("errors.field", hasItem("note"));
        given().header("Authorization", Fixtures.OPS).contentType("application/json").body("{\"action\":\"RESEND\"}")
                .post("/api/v1/rights/rejected/RS-any/resolution").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("Idempotency-Key"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"contributor, p-1, 403", "agency, weifang-pension, 403", "proxy, p-2, 403", "none, none, 401"})
    void onlyOpsMayResolve(String role, String subject, int status) {
        var request = given().header("Idempotency-Key", "resolve-" + UUID.randomUUID()).contentType("application/json")
                .body("{\"action\":\"RESEND\"}");
        if (!"none".equals(role)) {
            request = request.header("Authorization", TestTokens.bearer(role, subject));
        }
        request.post("/api/v1/rights/rejected/RS-any/resolution").then().statusCode(status)
                .contentType("application/problem+json");
    }

    private static String paymentOf(String recordId, String person) {
        return given().header("Authorization", Fixtures.OPS).queryParam("personId", person).get("/api/v1/rights/records")
                .then().statusCode(200).extract().jsonPath().getString("records.find { it.recordId == '" + recordId + "' }.paymentId");
    }

    private static String statusOf(String paymentId, String recordId) {
        Map<String, Object> r = recordOf(records(paymentId), recordId);
        return r == null ? null : (String) r.get("status");
    }

    private static Map<String, Object> recordOf(JsonPath records, String recordId) {
        return records.getMap("records.find { it.recordId == '" + recordId + "' }");
    }
}
