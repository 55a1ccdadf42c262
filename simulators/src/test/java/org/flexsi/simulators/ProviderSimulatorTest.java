package org.flexsi.simulators;

import static org.awaitility.Awaitility.await;
import static org.flexsi.simulators.TestConfig.secret;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.flexsi.simulators.callback.CallbackAttempt;
import org.flexsi.simulators.callback.CallbackAttempt.Outcome;
import org.flexsi.simulators.fault.Fault;
import org.flexsi.simulators.provider.PaymentStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ProviderSimulatorTest {
    private static final Duration WAIT = Duration.ofSeconds(5);

    private Simulators sims;
    private Receiver receiver;
    private SimClient client;

    @BeforeEach
    void start() throws Exception {
        sims = Simulators.start(TestConfig.fast());
        receiver = new Receiver();
        client = new SimClient(sims.baseUrl());
    }

    @AfterEach
    void stop() {
        sims.close();
        receiver.close();
    }

    private String order(String merchantOrderId, String amount) {
        return """
                {"merchantOrderId":"%s","amount":"%s","description":"flexible employment pension 2026-01",
                 "notifyUrl":"%s"}""".formatted(merchantOrderId, amount, receiver.url("/payments/callbacks/wechat"));
    }

    private JsonNode prepay(String merchantOrderId) {
        SimClient.Reply created = client.signed(secret(Party.WECHAT), "POST", "/providers/wechat/orders",
                order(merchantOrderId, "796.00"));
        assertEquals(201, created.status(), created.body());
        return created.json();
    }

    @Test
    void theCallbackCarriesBackTheTraceparentItsPrepayCameWith() throws Exception {
        String traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        SimClient.Reply created = client.signedTraced(secret(Party.WECHAT), "POST", "/providers/wechat/orders",
                order("M-T1", "796.00"), traceparent);
        assertEquals(201, created.status(), created.body());
        // a resend of the same order from another trace does not move the callback to it
        assertEquals(201, client.signedTraced(secret(Party.WECHAT), "POST", "/providers/wechat/orders", order("M-T1", "796.00"),
                "00-11111111111111111111111111111111-2222222222222222-01").status());
        SimClient.Reply kept = client.unsigned("GET", "/sim/providers/wechat/orders/M-T1/trace", null);
        assertEquals(traceparent, kept.json().get("traceparent").asText());

        String payUrl = created.json().get("payUrl").asText();
        assertEquals(200, client.unsigned("POST", payUrl.substring(sims.baseUrl().length()), null).status());
        Receiver.Received callback = receiver.next(WAIT);
        assertEquals(traceparent, callback.headers().getFirst("traceparent"));
        assertTrue(callback.verifies(secret(Party.WECHAT)));

        // an order that came without one (or with a malformed one) is called back without one
        SimClient.Reply untraced = client.signedTraced(secret(Party.WECHAT), "POST", "/providers/wechat/orders",
                order("M-T2", "796.00"), "not-a-traceparent");
        assertEquals(201, untraced.status(), untraced.body());
        assertTrue(client.unsigned("GET", "/sim/providers/wechat/orders/M-T2/trace", null).json().get("traceparent").isNull());
        String payUrl2 = untraced.json().get("payUrl").asText();
        assertEquals(200, client.unsigned("POST", payUrl2.substring(sims.baseUrl().length()), null).status());
        assertNull(receiver.next(WAIT).headers().getFirst("traceparent"));
        assertEquals(404, client.unsigned("GET", "/sim/providers/wechat/orders/M-none/trace", null).status());
    }

    @Test
    void prepayThenPayDeliversASignedCallback() throws Exception {
        JsonNode created = prepay("M-1");
        String providerOrderId = created.get("providerOrderId").asText();
        assertTrue(created.get("qrCode").asText().startsWith("weixin://wxpay/bizpayurl?pr="));
        String payUrl = created.get("payUrl").asText();
        assertEquals(sims.baseUrl() + "/providers/wechat/orders/" + providerOrderId + "/pay", payUrl);

        SimClient.Reply paid = client.unsigned("POST", payUrl.substring(sims.baseUrl().length()), null);
        assertEquals(200, paid.status(), paid.body());
        assertEquals("SUCCESS", paid.json().get("status").asText());

        Receiver.Received callback = receiver.next(WAIT);
        assertTrue(callback.verifies(secret(Party.WECHAT)), "callback signed with the wechat secret");
        assertEquals("wechat", callback.keyId());
        assertEquals("/payments/callbacks/wechat", callback.path());
        JsonNode body = SimClient.json(new String(callback.body()));
        assertEquals("M-1", body.get("merchantOrderId").asText());
        assertEquals(providerOrderId, body.get("providerOrderId").asText());
        assertEquals("796.00", body.get("amount").asText());
        assertTrue(body.get("amount").isTextual(), "money travels as a string");
        assertEquals("SUCCESS", body.get("status").asText());
        assertEquals(paid.json().get("transactionId").asText(), body.get("transactionId").asText());
        Instant.parse(body.get("paidAt").asText());

        JsonNode state = client.signed(secret(Party.WECHAT), "GET", "/providers/wechat/orders/by-merchant/M-1", null)
                .json();
        assertEquals("SUCCESS", state.get("status").asText());
        assertEquals("796.00", state.get("amount").asText());
    }

    @Test
    void callbackIsRetriedUntilTheReceiverAcceptsIt() throws Exception {
        receiver.respondWith(500, 500);
        String providerOrderId = prepay("M-2").get("providerOrderId").asText();
        sims.providers().pay(Party.WECHAT, providerOrderId);

        Receiver.Received first = receiver.next(WAIT);
        Receiver.Received second = receiver.next(WAIT);
        Receiver.Received third = receiver.next(WAIT);
        assertTrue(third.verifies(secret(Party.WECHAT)));
        assertNotEquals(first.nonce(), second.nonce(), "each attempt is signed afresh");
        assertNotEquals(second.nonce(), third.nonce());
        assertNull(receiver.poll(Duration.ofMillis(300)), "no attempt after the 200");

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertEquals(List.of(Outcome.REFUSED, Outcome.REFUSED, Outcome.DELIVERED),
                sims.callbackAttempts().stream().map(CallbackAttempt::outcome).toList()));
    }

    @Test
    void badSignatureFaultSendsACallbackThatDoesNotVerify() throws Exception {
        sims.faults().inject(Fault.badSignature(Party.WECHAT).times(1));
        receiver.respondWith(401);
        sims.providers().pay(Party.WECHAT, prepay("M-3").get("providerOrderId").asText());

        assertFalse(receiver.next(WAIT).verifies(secret(Party.WECHAT)));
        assertTrue(receiver.next(WAIT).verifies(secret(Party.WECHAT)), "the retry after the fault is signed right");
    }

    @Test
    void dropCallbacksLosesTheNotificationButTheQueryShowsThePayment() throws Exception {
        sims.faults().inject(Fault.dropCallbacks(Party.WECHAT));
        sims.providers().pay(Party.WECHAT, prepay("M-4").get("providerOrderId").asText());

        assertNull(receiver.poll(Duration.ofMillis(300)));
        assertEquals(PaymentStatus.SUCCESS, sims.providers().order(Party.WECHAT, "M-4").orElseThrow().status());
        assertEquals(Outcome.DROPPED, sims.callbackAttempts().get(0).outcome());
    }

    @Test
    void duplicateCallbacksDeliverTheSameNoticeTenTimes() throws Exception {
        sims.faults().inject(Fault.duplicateCallbacks(Party.WECHAT).times(1));
        sims.providers().pay(Party.WECHAT, prepay("M-D").get("providerOrderId").asText());

        byte[] first = receiver.next(WAIT).body();
        for (int i = 1; i < 10; i++) {
            assertEquals(new String(first, java.nio.charset.StandardCharsets.UTF_8),
                    new String(receiver.next(WAIT).body(), java.nio.charset.StandardCharsets.UTF_8));
        }
        assertNull(receiver.poll(Duration.ofMillis(300)), "ten, no more");
    }

    @Test
    void delayCallbacksHoldsTheNoticeWhileTheQueryAlreadyShowsThePayment() throws Exception {
        sims.faults().inject(Fault.delayCallbacks(Party.WECHAT, Duration.ofMillis(1500)).times(1));
        sims.providers().pay(Party.WECHAT, prepay("M-L").get("providerOrderId").asText());

        assertNull(receiver.poll(Duration.ofMillis(1000)), "not before the delay");
        assertEquals(PaymentStatus.SUCCESS, sims.providers().order(Party.WECHAT, "M-L").orElseThrow().status());
        assertTrue(new String(receiver.next(WAIT).body(), java.nio.charset.StandardCharsets.UTF_8).contains("\"SUCCESS\""));
    }

    @Test
    void failedAfterSuccessSendsAStaleFailedNoticeAfterTheRealOne() throws Exception {
        sims.faults().inject(Fault.failedAfterSuccess(Party.WECHAT).times(1));
        sims.providers().pay(Party.WECHAT, prepay("M-R").get("providerOrderId").asText());

        assertTrue(new String(receiver.next(WAIT).body(), java.nio.charset.StandardCharsets.UTF_8).contains("\"SUCCESS\""));
        assertTrue(new String(receiver.next(WAIT).body(), java.nio.charset.StandardCharsets.UTF_8).contains("\"FAILED\""));
        assertEquals(PaymentStatus.SUCCESS, sims.providers().order(Party.WECHAT, "M-R").orElseThrow().status(),
                "the provider's own record still says SUCCESS");
    }

    @Test
    void failCallbacksCountsAttemptsThenDelivers() throws Exception {
        sims.faults().inject(Fault.failCallbacks(Party.WECHAT).times(2));
        sims.providers().pay(Party.WECHAT, prepay("M-5").get("providerOrderId").asText());

        assertTrue(receiver.next(WAIT).verifies(secret(Party.WECHAT)));
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertEquals(List.of(Outcome.INJECTED_FAILURE, Outcome.INJECTED_FAILURE, Outcome.DELIVERED),
                sims.callbackAttempts().stream().map(CallbackAttempt::outcome).toList()));
        assertEquals(3, sims.callbackAttempts().get(2).attempt());
    }

    @Test
    void ordersAreIdempotentByMerchantOrderId() {
        JsonNode first = prepay("M-6");
        SimClient.Reply again = client.signed(secret(Party.WECHAT), "POST", "/providers/wechat/orders",
                order("M-6", "796.00"));
        assertEquals(201, again.status());
        assertEquals(first, again.json());

        SimClient.Reply otherAmount = client.signed(secret(Party.WECHAT), "POST", "/providers/wechat/orders",
                order("M-6", "796.01"));
        assertEquals(409, otherAmount.status());
        assertEquals("application/problem+json", otherAmount.contentType());
    }

    @Test
    void badInputIsRefusedWithProblemJson() {
        for (String amount : List.of("796", "796.0", "796.000", "-1.00", "0.00", "abc")) {
            SimClient.Reply reply = client.signed(secret(Party.WECHAT), "POST", "/providers/wechat/orders",
                    order("M-7", amount));
            assertEquals(400, reply.status(), amount);
            assertEquals("application/problem+json", reply.contentType());
            JsonNode problem = reply.json();
            assertEquals(400, problem.get("status").asInt());
            assertTrue(problem.get("detail").asText().contains("amount"), problem.toString());
            assertTrue(problem.has("type") && problem.has("title"));
        }
        assertEquals(400, client.signed(secret(Party.WECHAT), "POST", "/providers/wechat/orders", "{not json").status());
        assertEquals(400, client.signed(secret(Party.WECHAT), "POST", "/providers/wechat/orders", "[]").status());
        assertEquals(404, client.signed(secret(Party.WECHAT), "POST", "/providers/paypal/orders",
                order("M-7", "1.00")).status());
        assertEquals(405, client.unsigned("DELETE", "/providers/wechat/orders", null).status());
        assertEquals(404, client.unsigned("POST", "/providers/wechat/orders/nope/pay", null).status());
        assertEquals(400, client.signed(secret(Party.WECHAT), "GET", "/providers/wechat/statements/2026-13-01", null)
                .status());
    }

    @Test
    void payingTwiceOrPayingAClosedOrderConflicts() {
        String paid = prepay("M-8").get("providerOrderId").asText();
        assertEquals(200, client.unsigned("POST", "/providers/wechat/orders/" + paid + "/pay", "{}").status());
        assertEquals(409, client.unsigned("POST", "/providers/wechat/orders/" + paid + "/pay", "{}").status());
        assertEquals(409, client.signed(secret(Party.WECHAT), "POST", "/providers/wechat/orders/by-merchant/M-8/close",
                null).status());

        String open = prepay("M-9").get("providerOrderId").asText();
        SimClient.Reply closed = client.signed(secret(Party.WECHAT), "POST",
                "/providers/wechat/orders/by-merchant/M-9/close", null);
        assertEquals(200, closed.status());
        assertEquals("CLOSED", closed.json().get("status").asText());
        assertEquals(409, client.unsigned("POST", "/providers/wechat/orders/" + open + "/pay", null).status());
        assertEquals(404, client.signed(secret(Party.WECHAT), "GET", "/providers/wechat/orders/by-merchant/none", null)
                .status());
    }

    @Test
    void mismatchedAmountAndFailureAreReportedAsPaid() throws Exception {
        String providerOrderId = prepay("M-10").get("providerOrderId").asText();
        SimClient.Reply paid = client.unsigned("POST", "/providers/wechat/orders/" + providerOrderId + "/pay",
                "{\"outcome\":\"FAILED\",\"amount\":\"795.00\"}");
        assertEquals("FAILED", paid.json().get("status").asText());
        JsonNode callback = SimClient.json(new String(receiver.next(WAIT).body()));
        assertEquals("FAILED", callback.get("status").asText());
        assertEquals("795.00", callback.get("amount").asText());
    }

    @Test
    void statementListsTheDaysSuccessfulTransactions() {
        String providerOrderId = prepay("M-11").get("providerOrderId").asText();
        prepay("M-12");
        var paid = sims.providers().pay(Party.WECHAT, providerOrderId);
        String day = paid.paidAt().atZone(ZoneId.of("Asia/Shanghai")).toLocalDate().toString();

        SimClient.Reply statement = client.signed(secret(Party.WECHAT), "GET", "/providers/wechat/statements/" + day,
                null);
        assertEquals(200, statement.status());
        assertTrue(statement.contentType().startsWith("text/csv"));
        assertEquals("transactionId,merchantOrderId,amount,status,paidAt\n"
                + paid.transactionId() + ",M-11,796.00,SUCCESS," + paid.paidAt() + "\n", statement.body());
    }

    @Test
    void aRefundNeverExceedsWhatWasPaidIsIdempotentAndShowsInTheStatement() {
        String providerOrderId = prepay("M-R").get("providerOrderId").asText();
        assertEquals(409, refund("R-0", "M-R", "1.00").status(), "an unpaid order is not refunded");
        sims.providers().pay(Party.WECHAT, providerOrderId);

        SimClient.Reply first = refund("R-1", "M-R", "500.00");
        assertEquals(201, first.status(), first.body());
        assertEquals("SUCCESS", first.json().get("status").asText());
        assertTrue(first.json().get("refundId").asText().startsWith("wx-rf-"));
        SimClient.Reply resent = refund("R-1", "M-R", "500.00");
        assertEquals(200, resent.status());
        assertEquals(first.json().get("refundId").asText(), resent.json().get("refundId").asText());
        assertEquals(409, refund("R-1", "M-R", "400.00").status(), "same refund id, another amount");
        SimClient.Reply over = refund("R-2", "M-R", "296.01");
        assertEquals(409, over.status());
        assertTrue(over.json().get("detail").asText().contains("296.00"), over.body());
        assertEquals(201, refund("R-2", "M-R", "296.00").status(), "the rest of the 796.00 may go back");
        assertEquals(404, refund("R-3", "M-none", "1.00").status());
        assertEquals(400, refund("R-4", "M-R", "-1.00").status());
        assertEquals(401, client.signed(secret(Party.ALIPAY), "POST", "/providers/wechat/refunds",
                "{\"merchantRefundId\":\"R-5\",\"merchantOrderId\":\"M-R\",\"amount\":\"1.00\"}").status());
        sims.faults().inject(Fault.down(Party.WECHAT).times(1));
        assertEquals(503, refund("R-6", "M-R", "1.00").status());

        assertEquals(2, client.unsigned("GET", "/sim/providers/wechat/refunds", null).json().get("refunds").size());
        String day = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        String statement = client.signed(secret(Party.WECHAT), "GET", "/providers/wechat/statements/" + day, null).body();
        assertEquals(4, statement.lines().count(), statement);
        assertTrue(statement.contains(",M-R,500.00,REFUND,"), statement);
        assertTrue(statement.contains(",M-R,296.00,REFUND,"), statement);
    }

    private SimClient.Reply refund(String merchantRefundId, String merchantOrderId, String amount) {
        return client.signed(secret(Party.WECHAT), "POST", "/providers/wechat/refunds", "{\"merchantRefundId\":\""
                + merchantRefundId + "\",\"merchantOrderId\":\"" + merchantOrderId + "\",\"amount\":\"" + amount + "\"}");
    }

    @Test
    void providersAreSeparate() {
        SimClient.Reply alipay = client.signed(secret(Party.ALIPAY), "POST", "/providers/alipay/orders",
                order("M-13", "10.00"));
        assertEquals(201, alipay.status());
        assertTrue(alipay.json().get("qrCode").asText().startsWith("https://qr.alipay.com/"));
        assertEquals(401, client.signed(secret(Party.ALIPAY), "POST", "/providers/unionpay/orders",
                order("M-13", "10.00")).status(), "the alipay key does not open unionpay");
        assertTrue(sims.providers().order(Party.WECHAT, "M-13").isEmpty());
        assertEquals(1, sims.providers().orders(Party.ALIPAY).size());
    }
}
