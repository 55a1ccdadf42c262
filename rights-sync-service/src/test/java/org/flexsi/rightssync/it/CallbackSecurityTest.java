package org.flexsi.rightssync.it;

import static io.restassured.RestAssured.given;
import static org.flexsi.rightssync.it.Fixtures.awaitStatuses;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.flexsi.contracts.events.PaymentSucceeded;
import org.flexsi.contracts.events.RightsConfirmed;
import org.flexsi.contracts.signing.HttpSignature;
import org.flexsi.platform.testing.TestKafka;
import org.junit.jupiter.api.Test;

/** Only the agency, signing with its own key, can decide; duplicates and strangers change nothing. */
@QuarkusTest
class CallbackSecurityTest {
    private static final String PATH = "/api/v1/callbacks/agencies/pension";

    @Test
    void unsignedWronglySignedAndReplayedCallbacksAreRefused() {
        String body = decision("RS-unknown", "CONFIRMED", "PEN-999999");
        given().contentType("application/json").body(body).post(PATH)
                .then().statusCode(401).contentType("application/problem+json");
        signed(body, AgencySimulators.MEDICAL_SECRET, UUID.randomUUID().toString()).post(PATH)
                .then().statusCode(401).contentType("application/problem+json");
        long stale = Instant.now().minusSeconds(600).getEpochSecond();
        String nonce = UUID.randomUUID().toString();
        given().contentType("application/json").header(HttpSignature.KEY_ID, "pension")
                .header(HttpSignature.TIMESTAMP, Long.toString(stale)).header(HttpSignature.NONCE, nonce)
                .header(HttpSignature.SIGNATURE, HttpSignature.sign(AgencySimulators.PENSION_SECRET, "POST", PATH, stale, nonce,
                        body.getBytes(StandardCharsets.UTF_8)))
                .body(body).post(PATH).then().statusCode(401);
        for (String garbage : new String[] {"{", "[]", "\"" + "x".repeat(70_000) + "\""}) {
            given().contentType("application/json").body(garbage).post(PATH).then().statusCode(401)
                    .contentType("application/problem+json");
        }
    }

    @Test
    void aSignedDecisionForAnUnknownRecordOrAgencyIsNotFoundAndABadOneIsInvalid() {
        signed(decision("RS-" + UUID.randomUUID(), "CONFIRMED", "PEN-1"), AgencySimulators.PENSION_SECRET,
                UUID.randomUUID().toString()).post(PATH).then().statusCode(404).contentType("application/problem+json");
        signed("{\"recordId\":\"RS-1\",\"status\":\"MAYBE\"}", AgencySimulators.PENSION_SECRET, UUID.randomUUID().toString())
                .post(PATH).then().statusCode(400).contentType("application/problem+json");
        signed("{", AgencySimulators.PENSION_SECRET, UUID.randomUUID().toString())
                .post(PATH).then().statusCode(400).contentType("application/problem+json");
        given().contentType("application/json").body("{}").post("/api/v1/callbacks/agencies/" + UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void aDuplicateConfirmationIsHarmlessAndAContradictionIsRefused() {
        String person = Fixtures.person();
        Fixtures.register(person);
        PaymentSucceeded payment = Fixtures.pension(person, "2026-09", Instant.now());
        TestKafka.publish(payment, Fixtures.PAYMENT);
        var confirmed = awaitStatuses(payment.paymentId(), 1, "CONFIRMED");
        String recordId = confirmed.getString("records[0].recordId");
        String reference = confirmed.getString("records[0].agencyReference");

        String nonce = UUID.randomUUID().toString();
        String again = decision(recordId, "CONFIRMED", reference);
        signed(again, AgencySimulators.PENSION_SECRET, nonce).post(PATH)
                .then().statusCode(200).body("outcome", equalTo("DUPLICATE"));
        signed(again, AgencySimulators.PENSION_SECRET, nonce).post(PATH)
                .then().statusCode(401).body("detail", equalTo("nonce already used"));
        // the agency's system may add fields of its own: a decision is still read (our API bodies refuse unknown fields)
        String withMore = again.replace("{\"recordId\"", "{\"operator\":\"counter-7\",\"recordId\"");
        signed(withMore, AgencySimulators.PENSION_SECRET, UUID.randomUUID().toString()).post(PATH)
                .then().statusCode(200).body("outcome", equalTo("DUPLICATE"));
        signed(decision(recordId, "REJECTED", null), AgencySimulators.PENSION_SECRET, UUID.randomUUID().toString())
                .post(PATH).then().statusCode(409).contentType("application/problem+json");
        signed("/api/v1/callbacks/agencies/medical", decision(recordId, "CONFIRMED", reference),
                AgencySimulators.MEDICAL_SECRET, UUID.randomUUID().toString()).post("/api/v1/callbacks/agencies/medical").then().statusCode(404);

        var after = Fixtures.records(payment.paymentId());
        assertEquals("CONFIRMED", after.getString("records[0].status"));
        assertEquals(reference, after.getString("records[0].agencyReference"));
        assertEquals(1, Fixtures.announced(person, RightsConfirmed.TYPE));
    }

    private static String decision(String recordId, String status, String reference) {
        return "{\"recordId\":\"" + recordId + "\",\"status\":\"" + status + "\",\"agencyReference\":"
                + (reference == null ? "null" : "\"" + reference + "\"")
                + ",\"reason\":" + ("REJECTED".equals(status) ? "\"changed our mind\"" : "null")
                + ",\"decidedAt\":\"" + Instant.now() + "\"}";
    }

    private static RequestSpecification signed(String body, String secret, String nonce) {
        return signed(PATH, body, secret, nonce);
    }

    private static RequestSpecification signed(String path, String body, String secret, String nonce) {
        long now = Instant.now().getEpochSecond();
        return given().contentType("application/json").header(HttpSignature.KEY_ID, "pension")
                .header(HttpSignature.TIMESTAMP, Long.toString(now)).header(HttpSignature.NONCE, nonce)
                .header(HttpSignature.SIGNATURE, HttpSignature.sign(secret, "POST", path, now, nonce,
                        body.getBytes(StandardCharsets.UTF_8)))
                .body(body);
    }
}
