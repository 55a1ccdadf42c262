package org.flexsi.payment.order;

import static org.awaitility.Awaitility.await;
import static io.restassured.RestAssured.given;
import static org.flexsi.payment.support.Events.awaitEvent;
import static org.flexsi.payment.support.Events.events;
import static org.flexsi.payment.support.Fixtures.*;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.flexsi.contracts.events.AssessmentCancelled;
import org.flexsi.contracts.events.PaymentFailed;
import org.flexsi.contracts.events.PaymentRefunded;
import org.flexsi.contracts.events.PaymentSucceeded;
import org.flexsi.platform.testing.FlexsiTestResource;
import org.flexsi.platform.testing.TestKafka;
import org.flexsi.platform.security.Roles;
import org.flexsi.platform.testing.TestTokens;
import org.flexsi.payment.support.SimulatorsResource;
import org.junit.jupiter.api.Test;

/** An online payment end to end: order, provider, callback, events; and every way it can go wrong. */
@QuarkusTest
@QuarkusTestResource(value = FlexsiTestResource.class, initArgs = @ResourceArg(name = "database", value = "flexsi_test_payment"))
@QuarkusTestResource(SimulatorsResource.class)
class PaymentFlowTest {
    @Inject
    DataSource db;

    @Test
    void aContributorPaysByQrCodeAndExactlyOneSucceededEventCarriesTheAssessedLines() {
        String person = newPerson();
        String serial = payable(person);

        var created = createOrder(contributor(person), serial, "WECHAT").then().statusCode(201)
                .body("status", equalTo("PAYING")).body("amount", equalTo(WEIFANG_MONTH_TOTAL))
                .body("qrCode", startsWith("weixin://")).body("payUrl", notNullValue()).extract();
        String paymentId = created.path("paymentId");

        pay(created.path("payUrl"), null).then().statusCode(200);
        awaitStatus(person, paymentId, "PAID");

        JsonNode event = succeeded(paymentId);
        assertEquals(serial, event.get("assessmentSerial").asText());
        assertEquals(person, event.get("personId").asText());
        assertEquals(person, event.get("payerId").asText());
        assertEquals("WECHAT", event.get("channel").asText());
        assertEquals("wechat", event.get("provider").asText());
        assertTrue(event.get("providerTransactionId").asText().startsWith("wx-tx-"));
        assertEquals(WEIFANG_MONTH_TOTAL, event.get("total").asText());
        assertEquals(3, event.get("lines").size());
        assertEquals("796.00", event.get("lines").get(0).get("amount").asText());
        assertEquals("2026-11", event.get("lines").get(0).get("months").get(0).asText());

        // the same assessment cannot be paid again
        createOrder(contributor(person), serial, "ALIPAY").then().statusCode(409)
                .contentType("application/problem+json").body("type", equalTo("https://flexsi.org/problems/assessment-paid"));
    }

    @Test
    void aRetriedCreateReplaysTheFirstOrderAndAReusedKeyWithAnotherBodyIs422() {
        String person = newPerson();
        String serial = payable(person);
        String key = "key-" + UUID.randomUUID();
        String body = "{\"assessmentSerial\":\"" + serial + "\",\"channel\":\"ALIPAY\"}";
        String first = given().header("Authorization", contributor(person)).header("Idempotency-Key", key)
                .contentType("application/json").body(body).post("/api/v1/payments")
                .then().statusCode(201).extract().path("paymentId");
        given().header("Authorization", contributor(person)).header("Idempotency-Key", key)
                .contentType("application/json").body(body).post("/api/v1/payments")
                .then().statusCode(201).header("Idempotent-Replayed", "true").body("paymentId", equalTo(first));
        given().header("Authorization", contributor(person)).header("Idempotency-Key", key)
                .contentType("application/json").body("{\"assessmentSerial\":\"" + serial + "\",\"channel\":\"WECHAT\"}")
                .post("/api/v1/payments").then().statusCode(422).contentType("application/problem+json");
        assertEquals(1, count(db, "select count(*) from payment where assessment_serial = ?", serial));
        // a second order while the first is being paid is refused and names the live one
        createOrder(contributor(person), serial, "UNIONPAY").then().statusCode(409).body("paymentId", equalTo(first));
    }

    @Test
    void twoChannelsOrderingTheSameAssessmentAtOnceGetOneLiveOrder() throws Exception {
        String person = newPerson();
        String serial = payable(person);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Callable<Integer>> calls = List.of("WECHAT", "ALIPAY", "UNIONPAY").stream()
                    .<Callable<Integer>>map(channel -> () -> createOrder(contributor(person), serial, channel).statusCode())
                    .toList();
            List<Integer> statuses = pool.invokeAll(calls).stream().map(PaymentFlowTest::get).sorted().toList();
            assertEquals(List.of(201, 409, 409), statuses);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, count(db, "select count(*) from payment where assessment_serial = ?", serial));
    }

    @Test
    void whoMayPay() {
        String person = newPerson();
        String serial = payable(person);
        String stranger = newPerson();
        given().contentType("application/json").body("{\"assessmentSerial\":\"" + serial + "\",\"channel\":\"WECHAT\"}")
                .post("/api/v1/payments").then().statusCode(401).contentType("application/problem+json");
        createOrder(contributor(stranger), serial, "WECHAT").then().statusCode(403).contentType("application/problem+json");
        createOrder(proxy(stranger), serial, "WECHAT").then().statusCode(403).contentType("application/problem+json");
        createOrder(ops(), serial, "WECHAT").then().statusCode(403);
        createOrder(TestTokens.bearer(Roles.BANK, "testbank"), serial, "WECHAT").then().statusCode(403);
        createOrder(contributor(person), "NO-SUCH-SERIAL", "WECHAT").then().statusCode(404).contentType("application/problem+json");
        assertEquals(0, count(db, "select count(*) from payment where assessment_serial = ?", serial));
    }

    @Test
    void aProxyPaysForAPersonOnHisListAndBothAreRecorded() {
        String person = newPerson();
        String proxyId = newPerson();
        link(proxyId, person);
        String serial = payable(person);
        await("proxy link").until(() -> count(db, "select count(*) from proxy_link where proxy_id = ?", proxyId) == 1);

        var created = createOrder(proxy(proxyId), serial, "UNIONPAY").then().statusCode(201).extract();
        String paymentId = created.path("paymentId");
        pay(created.path("payUrl"), null).then().statusCode(200);
        await("paid").until(() -> "PAID".equals(given().header("Authorization", proxy(proxyId)).get("/api/v1/payments/" + paymentId)
                .then().statusCode(200).extract().path("status")));

        JsonNode event = succeeded(paymentId);
        assertEquals(person, event.get("personId").asText());
        assertEquals(proxyId, event.get("payerId").asText());
        // the person sees it, another contributor does not, ops does
        given().header("Authorization", contributor(person)).get("/api/v1/payments/" + paymentId).then().statusCode(200)
                .body("payerId", equalTo(proxyId));
        given().header("Authorization", contributor(newPerson())).get("/api/v1/payments/" + paymentId).then().statusCode(404);
        given().header("Authorization", ops()).get("/api/v1/payments/" + paymentId).then().statusCode(200);
        given().header("Authorization", proxy(proxyId)).get("/api/v1/payments").then().statusCode(200)
                .body("paymentId", org.hamcrest.Matchers.hasItem(paymentId));
        given().get("/api/v1/payments/" + paymentId).then().statusCode(401);
        given().header("Authorization", TestTokens.bearer(Roles.AGENCY, "weifang-pension")).get("/api/v1/payments/" + paymentId)
                .then().statusCode(403);
    }

    @Test
    void badBodiesAreProblemsAndStoreNothing() {
        String person = newPerson();
        long before = count(db, "select count(*) from payment");
        for (String body : List.of("{", "[]", "{\"region\": [\"x\"], \"amount\": \"NaN\", \"idNumber\": \"\\u0000'; DROP TABLE x;--\", \"year\": 99999999999}",
                "\"" + "x".repeat(70_000) + "\"", "{\"assessmentSerial\":\"A1\",\"channel\":\"BANK_COUNTER\"}",
                "{\"assessmentSerial\":\"" + "A".repeat(65) + "\",\"channel\":\"WECHAT\"}")) {
            given().header("Authorization", contributor(person)).header("Idempotency-Key", "k-" + UUID.randomUUID())
                    .contentType("application/json").body(body).post("/api/v1/payments")
                    .then().statusCode(400).contentType("application/problem+json");
        }
        given().header("Authorization", contributor(person)).contentType("application/json")
                .body("{\"assessmentSerial\":\"A1\",\"channel\":\"WECHAT\"}").post("/api/v1/payments")
                .then().statusCode(400).contentType("application/problem+json");
        given().header("Authorization", contributor(person)).get("/api/v1/payments/not-a-uuid").then().statusCode(400);
        given().header("Authorization", contributor(person)).get("/api/v1/payments/" + UUID.randomUUID()).then().statusCode(404);
        given().header("Authorization", contributor(person)).get("/api/v1/payments?status=NOPE").then().statusCode(400);
        assertEquals(before, count(db, "select count(*) from payment"));
    }

    @Test
    void aBadSignatureIs401AndChangesNothingWhileRepeatsAndLateFailuresAreAbsorbed() {
        String person = newPerson();
        String serial = payable(person);
        double refusedBefore = refusedSignatures("wechat");
        String paymentId = createOrder(contributor(person), serial, "WECHAT").then().statusCode(201).extract().path("paymentId");
        String success = "{\"merchantOrderId\":\"" + paymentId + "\",\"providerOrderId\":\"x\",\"transactionId\":\"wx-tx-test-"
                + paymentId.substring(0, 8) + "\",\"amount\":\"" + WEIFANG_MONTH_TOTAL + "\",\"status\":\"SUCCESS\",\"paidAt\":\""
                + Instant.now() + "\"}";

        providerCallback("wechat", "not-the-secret", success).then().statusCode(401).contentType("application/problem+json");
        providerCallback("alipay", SimulatorsResource.ALIPAY_SECRET, success).then().statusCode(404);
        given().contentType("application/json").body(success).post("/api/v1/callbacks/providers/wechat").then().statusCode(401);
        long stale = Instant.now().minus(Duration.ofMinutes(6)).getEpochSecond();
        signed("POST", "/api/v1/callbacks/providers/wechat", "wechat", SimulatorsResource.WECHAT_SECRET, success, stale, null)
                .then().statusCode(401);
        assertEquals("PAYING", status(paymentId));

        String nonce = UUID.randomUUID().toString();
        signed("POST", "/api/v1/callbacks/providers/wechat", "wechat", SimulatorsResource.WECHAT_SECRET, success, null, nonce)
                .then().statusCode(200).body("status", equalTo("PAID"));
        signed("POST", "/api/v1/callbacks/providers/wechat", "wechat", SimulatorsResource.WECHAT_SECRET, success, null, nonce)
                .then().statusCode(401);
        providerCallback("wechat", SimulatorsResource.WECHAT_SECRET, success).then().statusCode(200).body("status", equalTo("PAID"));
        providerCallback("wechat", SimulatorsResource.WECHAT_SECRET, success.replace("SUCCESS", "FAILED")).then().statusCode(200)
                .body("status", equalTo("PAID"));
        providerCallback("wechat", SimulatorsResource.WECHAT_SECRET, success.replace(paymentId, UUID.randomUUID().toString()))
                .then().statusCode(404).contentType("application/problem+json");
        providerCallback("wechat", SimulatorsResource.WECHAT_SECRET, "{\"merchantOrderId\":\"" + paymentId + "\",\"status\":\"MAYBE\"}")
                .then().statusCode(400).contentType("application/problem+json");

        succeeded(paymentId);
        // every callback above has committed its outbox rows; once the relay has sent them all, the topic shows any duplicate
        await("every event of " + person + " relayed").until(() -> count(db,
                "select count(*) from outbox_event where event_key = ? and sent_at is null", person) == 0);
        assertEquals(1, events(paymentId, PaymentSucceeded.TYPE), "one success, however often it is reported");
        assertEquals(0, events(paymentId, PaymentFailed.TYPE));
        // wrong secret, unsigned, stale, replayed nonce: ops see each refusal at /q/metrics
        assertEquals(refusedBefore + 4, refusedSignatures("wechat"));
    }

    private static double refusedSignatures(String party) {
        return given().get("/q/metrics").then().statusCode(200).extract().asString().lines()
                .filter(line -> line.startsWith("flexsi_signatures_refused_total{") && line.contains("party=\"" + party + "\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }

    @Test
    void anAmountMismatchHoldsTheOrderForOps() {
        String person = newPerson();
        String serial = payable(person);
        var created = createOrder(contributor(person), serial, "ALIPAY").then().statusCode(201).extract();
        String paymentId = created.path("paymentId");
        pay(created.path("payUrl"), "{\"amount\":\"1.00\"}").then().statusCode(200);
        awaitStatus(person, paymentId, "HELD");
        assertEquals(1, count(db, "select count(*) from ops_issue where payment_id = ?::uuid and kind = 'AMOUNT_MISMATCH'", paymentId));
        assertEquals("OPEN", text(db, "select state from assessment where serial_number = ?", serial));
        given().header("Authorization", ops()).get("/api/v1/ops/issues?kind=AMOUNT_MISMATCH").then().statusCode(200)
                .body("paymentId", org.hamcrest.Matchers.hasItem(paymentId));
    }

    @Test
    void aFailedPaymentLeavesTheAssessmentPayable() {
        String person = newPerson();
        String serial = payable(person);
        var created = createOrder(contributor(person), serial, "WECHAT").then().statusCode(201).extract();
        String paymentId = created.path("paymentId");
        pay(created.path("payUrl"), "{\"outcome\":\"FAILED\"}").then().statusCode(200);
        awaitStatus(person, paymentId, "FAILED");
        awaitEvent(paymentId, PaymentFailed.TYPE);
        createOrder(contributor(person), serial, "ALIPAY").then().statusCode(201);
    }

    @Test
    void aStatusCheckFindsAPaymentWhoseCallbackWasLost() {
        String person = newPerson();
        String serial = payable(person);
        var created = createOrder(contributor(person), serial, "UNIONPAY").then().statusCode(201).extract();
        String paymentId = created.path("paymentId");
        fault("{\"target\":\"unionpay\",\"mode\":\"drop-callbacks\",\"count\":1}");
        pay(created.path("payUrl"), null).then().statusCode(200);
        given().header("Authorization", contributor(person)).post("/api/v1/payments/" + paymentId + "/status-check")
                .then().statusCode(200).body("status", equalTo("PAID"));
        given().header("Authorization", contributor(newPerson())).post("/api/v1/payments/" + paymentId + "/status-check")
                .then().statusCode(404);
        awaitEvent(paymentId, PaymentSucceeded.TYPE);
    }

    @Test
    void theSweeperResolvesAnOrderStuckInPaying() {
        String person = newPerson();
        String serial = payable(person);
        var created = createOrder(contributor(person), serial, "ALIPAY").then().statusCode(201).extract();
        String paymentId = created.path("paymentId");
        fault("{\"target\":\"alipay\",\"mode\":\"drop-callbacks\",\"count\":1}");
        pay(created.path("payUrl"), null).then().statusCode(200);
        // nobody asks: the sweeper (stuck-after 8 s in tests) finds it
        awaitStatus(person, paymentId, "PAID");
        awaitEvent(paymentId, PaymentSucceeded.TYPE);
    }

    @Test
    void moneyTakenAfterTheAssessmentWasCancelledIsBookedAndRefunded() {
        String person = newPerson();
        String serial = payable(person);
        var created = createOrder(contributor(person), serial, "WECHAT").then().statusCode(201).extract();
        String paymentId = created.path("paymentId");
        // the provider's merchant API is down, so the expired order cannot be closed there in time
        fault("{\"target\":\"wechat\",\"mode\":\"down\"}");
        try {
            TestKafka.publish(new AssessmentCancelled("a", serial, person, "re-assessed", Instant.now()), "/flexsi/assessment-service");
            await("order expired").until(() -> "EXPIRED".equals(status(paymentId)));
            awaitEvent(paymentId, PaymentFailed.TYPE);
            // the payer still had the QR code open
            pay(created.path("payUrl"), null).then().statusCode(200);
            awaitStatus(person, paymentId, "REFUNDED");
        } finally {
            clearFaults();
        }
        JsonNode refunded = awaitEvent(paymentId, PaymentRefunded.TYPE);
        assertEquals(WEIFANG_MONTH_TOTAL, refunded.get("total").asText());
        assertEquals(serial, refunded.get("assessmentSerial").asText());
        assertEquals(0, events(paymentId, PaymentSucceeded.TYPE), "never counted");
        assertEquals(1, count(db, "select count(*) from refund where payment_id = ?::uuid and kind = 'AUTOMATIC'", paymentId));
        createOrder(contributor(person), serial, "WECHAT").then().statusCode(422);
    }

    @Test
    void anExpiredAssessmentCannotBeOrdered() {
        String person = newPerson();
        String serial = assessment(person, weifangMonth("2026-10"), WEIFANG_MONTH_TOTAL, Instant.now().minusSeconds(60));
        await("assessment").until(() -> count(db, "select count(*) from assessment where serial_number = ?", serial) == 1);
        createOrder(contributor(person), serial, "WECHAT").then().statusCode(422).contentType("application/problem+json");
    }

    private String payable(String person) {
        return org.flexsi.payment.support.Fixtures.payable(db, person);
    }

    private String status(String paymentId) {
        return text(db, "select status from payment where id = ?::uuid", paymentId);
    }

    private void awaitStatus(String person, String paymentId, String expected) {
        await(paymentId + " " + expected).until(() -> expected.equals(given().header("Authorization", contributor(person))
                .get("/api/v1/payments/" + paymentId).then().statusCode(200).extract().path("status")));
    }

    private static JsonNode succeeded(String paymentId) {
        return awaitEvent(paymentId, PaymentSucceeded.TYPE);
    }

    private static <T> T get(Future<T> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
