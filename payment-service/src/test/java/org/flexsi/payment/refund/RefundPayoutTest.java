package org.flexsi.payment.refund;

import static org.awaitility.Awaitility.await;
import static io.restassured.RestAssured.given;
import static org.flexsi.payment.support.Events.awaitEvent;
import static org.flexsi.payment.support.Events.events;
import static org.flexsi.payment.support.DatabaseSessions.idleInTransaction;
import static org.flexsi.payment.support.DatabaseSessions.lockable;
import static org.flexsi.payment.support.Fixtures.*;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Objects;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.flexsi.contracts.events.PaymentRefunded;
import org.flexsi.contracts.signing.HttpSignature;
import org.flexsi.platform.security.Roles;
import org.flexsi.platform.testing.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * R25: a refund is announced only once its money went back: approved applications by transfer from the payout
 * bank (testbank in tests) to the applicant's account, automatic refunds of online payments through the provider.
 */
@QuarkusTest
class RefundPayoutTest {
    private static final String SIM_TRANSFERS = "/sim/banks/" + TEST_BANK + "/transfers";

    @Inject
    DataSource db;
    @Inject
    RefundPayouts payouts;
    @Inject
    org.flexsi.platform.crypto.FieldCipher cipher;

    /** The holder's name as stored: encrypted (issue 17), and the name once decrypted. */
    private String storedName(String refundId) {
        String stored = text(db, "select account_name from refund where id = ?::uuid", refundId);
        org.junit.jupiter.api.Assertions.assertTrue(stored.startsWith("enc1:"), stored);
        return cipher.decrypt(EncryptedAccount.ACCOUNT_NAME, stored);
    }

    @AfterEach
    void noFaults() {
        clearFaults();
    }

    @Test
    void anApprovedRefundIsTransferredToTheApplicantThenAnnouncedOnce() {
        String person = registered("王小明");
        String account = newAccount();
        String paymentId = paid(person);
        // the payout bank is unreachable at first: the refund waits and nothing is announced
        fault("{\"target\":\"" + TEST_BANK + "\",\"mode\":\"down\"}");
        String refundId = applyAndApprove(person, paymentId, account);
        await("two attempts").until(() -> count(db, "select payout_attempts from refund where id = ?::uuid", refundId) >= 2);
        refund(person, refundId).body("state", equalTo("PAYING_OUT")).body("payoutError", containsString("503"));
        assertEquals(0, events(refundId, PaymentRefunded.TYPE), "nothing is announced before the money went back");
        assertEquals(0, transfers(refundId).size());

        clearFaults();
        awaitState(person, refundId, "REFUNDED");
        List<Map<String, Object>> held = transfers(refundId);
        assertEquals(1, held.size(), "one transfer at the bank");
        Map<String, Object> transfer = held.get(0);
        assertEquals("SUCCESS", transfer.get("status"));
        assertEquals(account, transfer.get("accountNumber"));
        assertEquals(0, money("796.00").compareTo(new BigDecimal(String.valueOf(transfer.get("amount")))));
        assertEquals("王小明", storedName(refundId));
        refund(person, refundId).body("payoutVia", equalTo(TEST_BANK))
                .body("payoutReference", equalTo(transfer.get("bankTransactionId"))).body("refundedAt", notNullValue());

        JsonNode event = awaitEvent(refundId, PaymentRefunded.TYPE);
        assertEquals(paymentId, event.get("paymentId").asText());
        assertEquals("796.00", event.get("total").asText());
        assertEquals("APPLICATION", event.get("refundKind").asText());
        payouts.run();
        assertEquals(1, events(refundId, PaymentRefunded.TYPE), "announced once, however often the worker runs");
        assertEquals(1, transfers(refundId).size());
    }

    @Test
    void aClosedAccountLeavesTheRefundToOpsAndAnnouncesNothing() {
        String person = registered("钱七");
        String account = newAccount();
        given().contentType("application/json").body("{\"accountNumber\":\"" + account + "\",\"outcome\":\"ACCOUNT_CLOSED\"}")
                .post(simulators() + "/sim/banks/" + TEST_BANK + "/accounts").then().statusCode(200);
        String paymentId = paid(person);
        String refundId = applyAndApprove(person, paymentId, account);

        awaitState(person, refundId, "PAYOUT_FAILED");
        refund(person, refundId).body("payoutError", containsString("ACCOUNT_CLOSED")).body("payoutAttempts", equalTo(1));
        List<Map<String, Object>> issues = given().header("Authorization", ops()).queryParam("kind", "REFUND_PAYOUT_FAILED")
                .get("/api/v1/ops/issues").then().statusCode(200).extract().jsonPath()
                .getList("findAll { it.externalTransactionId == '" + refundId + "' }");
        assertEquals(1, issues.size());
        assertEquals(paymentId, issues.get(0).get("paymentId"));
        assertEquals("796.00", issues.get(0).get("ourAmount"));
        assertEquals(0, events(refundId, PaymentRefunded.TYPE));
        assertEquals("FAILED", transfers(refundId).get(0).get("status"));
        // the money is still owed on that line: it cannot be applied for a second time
        apply(person, paymentId, account).then().statusCode(422).body("rule", equalTo("refund-exceeds-paid"));

        // the applicant gives another account: who may, what is checked, then one new transfer and one announcement
        String other = newAccount();
        giveAccount(contributor(newPerson()), refundId, other, "102521000011").statusCode(404);
        giveAccount(TestTokens.bearer(Roles.OPS, "ops-1"), refundId, other, "102521000011").statusCode(403);
        given().contentType("application/json").header("Idempotency-Key", "k-" + UUID.randomUUID()).body(accountBody(other, "102521000011"))
                .post("/api/v1/refunds/" + refundId + "/payout-account").then().statusCode(401);
        giveAccount(contributor(person), refundId, other, "1025").statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("bankCode"));
        given().header("Authorization", contributor(person)).contentType("application/json").body(accountBody(other, "102521000011"))
                .post("/api/v1/refunds/" + refundId + "/payout-account").then().statusCode(400);
        assertEquals("PAYOUT_FAILED", refund(person, refundId).extract().path("state"), "bad requests changed nothing");

        giveAccount(contributor(person), refundId, other, "102521000011").statusCode(200).body("state", equalTo("PAYING_OUT"))
                .body("payoutError", nullValue());
        awaitState(person, refundId, "REFUNDED");
        List<Map<String, Object>> second = transfers(refundId + "-1");
        assertEquals(1, second.size());
        assertEquals(other, second.get(0).get("accountNumber"));
        assertEquals("SUCCESS", second.get(0).get("status"));
        assertEquals("钱七", storedName(refundId));
        awaitEvent(refundId, PaymentRefunded.TYPE);
        assertEquals(1, events(refundId, PaymentRefunded.TYPE));
        giveAccount(contributor(person), refundId, newAccount(), "102521000011").statusCode(409)
                .body("type", containsString("refund-not-failed"));
    }

    @Test
    void aBankDownForAFewCallsIsRetriedAndPaysOnce() {
        String person = registered("孙八");
        String account = newAccount();
        String paymentId = paid(person);
        fault("{\"target\":\"" + TEST_BANK + "\",\"mode\":\"down\",\"count\":3}");
        String refundId = applyAndApprove(person, paymentId, account);

        awaitState(person, refundId, "REFUNDED");
        refund(person, refundId).body("payoutAttempts", equalTo(4));
        assertEquals(1, transfers(refundId).size());
        awaitEvent(refundId, PaymentRefunded.TYPE);
        assertEquals(1, events(refundId, PaymentRefunded.TYPE));
    }

    @Test
    void whileTheBankPaysOutNothingIsLockedAndASecondWorkerLeavesTheRefundAlone() {
        String person = registered("周九");
        String account = newAccount();
        String paymentId = paid(person);
        // slower than our checks below, faster than the transfer's timeout (2 s in tests)
        fault("{\"target\":\"" + TEST_BANK + "\",\"mode\":\"slow\",\"delayMs\":1800}");
        String refundId = applyAndApprove(person, paymentId, account);

        await("a worker took the refund").until(() -> count(db, "select count(*) from refund where id = ?::uuid"
                + " and payout_until is not null and payout_attempts = 0", refundId) == 1);
        assertTrue(lockable(db, "select 1 from refund where id = ?::uuid for update nowait", refundId),
                "the refund is not locked while the bank answers");
        await("no transaction waits on the bank").during(Duration.ofMillis(800)).atMost(Duration.ofMillis(1500))
                .until(() -> idleInTransaction(db, Duration.ofMillis(300)) == 0);
        // a second worker (another instance) finds the refund taken and does not call the bank
        payouts.payOut(UUID.fromString(refundId));
        assertEquals(0, count(db, "select payout_attempts from refund where id = ?::uuid", refundId));

        awaitState(person, refundId, "REFUNDED");
        refund(person, refundId).body("payoutAttempts", equalTo(1));
        assertEquals(null, text(db, "select payout_until::text from refund where id = ?::uuid", refundId));
        assertEquals(1, transfers(refundId).size());
        awaitEvent(refundId, PaymentRefunded.TYPE);
        assertEquals(1, events(refundId, PaymentRefunded.TYPE));
    }

    @Test
    void theBanksTransfersAreHeldAgainstTheRefundsWePaidBack() {
        String person = registered("孙七");
        String paymentId = paid(person);
        String refundId = applyAndApprove(person, paymentId, newAccount());
        awaitState(person, refundId, "REFUNDED");
        // money out of our account at the bank that pays back no refund of ours: ops must find out why
        String stray = UUID.randomUUID().toString();
        String strayTransaction = signedTransfer("{\"transferId\":\"" + stray + "\",\"accountNumber\":\"" + newAccount()
                + "\",\"accountName\":\"周八\",\"bankCode\":\"102521000011\",\"amount\":\"12.34\",\"purpose\":\"not ours\"}");

        JsonPath first = reconcileTransfers();
        assertTrue(first.getInt("transfers.matched") >= 1, "our refund's transfer is matched");
        assertEquals(first.getInt("transfers.ourCount"), first.getInt("transfers.matched"), "every refund we paid back is there");
        assertEquals(first.getInt("transfers.theirCount"), first.getInt("transfers.matched") + first.getInt("transfers.pending") + 1);
        assertTrue(first.getInt("transfers.issues") >= 1);
        JsonPath issue = strayIssue(strayTransaction);
        assertEquals("UNKNOWN_ORDER", issue.getString("kind"));
        assertEquals("12.34", issue.getString("theirAmount"));
        assertTrue(issue.getString("detail").contains(stray), issue.getString("detail"));

        // our books say another bank transaction paid the refund back: a difference, raised once however often it runs
        try (var connection = db.getConnection(); var update = connection.prepareStatement(
                "update refund set payout_reference = 'tr-not-theirs' where id = ?::uuid")) {
            update.setString(1, refundId);
            assertEquals(1, update.executeUpdate());
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        JsonPath second = reconcileTransfers();
        assertEquals(1, second.getInt("transfers.issues"), "the stray transfer was raised before; the difference is new");
        assertEquals(0, reconcileTransfers().getInt("transfers.issues"));
        assertEquals(1, count(db, "select count(*) from ops_issue where channel = 'BANK_TRANSFER' and kind = 'STATUS_DIFFERENCE'"
                + " and payment_id = ?::uuid", paymentId));
        assertEquals(1, count(db, "select count(*) from reconciliation_run where channel = 'BANK_TRANSFER' and party = ?",
                TEST_BANK));
    }

    private static JsonPath reconcileTransfers() {
        return reconcile("{\"channel\":\"BANK_DEBIT\",\"bankId\":\"" + TEST_BANK + "\",\"day\":\"" + today() + "\"}")
                .then().statusCode(200).extract().jsonPath();
    }

    private static JsonPath strayIssue(String transaction) {
        return given().header("Authorization", ops()).get("/api/v1/ops/issues?channel=BANK_TRANSFER&state=OPEN").then()
                .statusCode(200).extract().jsonPath().setRootPath("find { it.externalTransactionId == '" + transaction + "' }");
    }

    @Test
    void aTransferThatReachedTheBankBeforeACrashIsNotMadeAgain() {
        String person = registered("赵六");
        String account = newAccount();
        String paymentId = paid(person);
        String refundId = apply(person, paymentId, account).then().statusCode(201).extract().path("refundId");
        // as if an earlier run had transferred, then died before its commit: the bank holds the transfer, we do not know
        String firstTransaction = signedTransfer("{\"transferId\":\"" + refundId + "\",\"accountNumber\":\"" + account
                + "\",\"accountName\":\"赵六\",\"bankCode\":\"102521000011\",\"amount\":\"796.00\","
                + "\"purpose\":\"flexsi refund of payment " + paymentId + "\"}");
        decide(refundId).body("state", equalTo("PAYING_OUT"));

        awaitState(person, refundId, "REFUNDED");
        refund(person, refundId).body("payoutReference", equalTo(firstTransaction));
        assertEquals(1, transfers(refundId).size());
        awaitEvent(refundId, PaymentRefunded.TYPE);
        assertEquals(1, events(refundId, PaymentRefunded.TYPE));
    }

    @Test
    void moneyTakenTwiceOnlineGoesBackThroughTheProviderThenIsAnnouncedOnce() {
        String person = newPerson();
        String serial = payable(db, person);
        var order = createOrder(contributor(person), serial, "ALIPAY").then().statusCode(201).extract();
        String onlineId = order.path("paymentId");
        // Alipay is unreachable: the QR order cannot be closed once the counter took the money, nor refunded yet
        fault("{\"target\":\"alipay\",\"mode\":\"down\"}");
        bank(TEST_BANK, TEST_BANK_SECRET, "POST", "/api/v1/bank/payments", counterPayment(serial)).then().statusCode(201)
                .body("status", equalTo("PAID"));
        pay(order.path("payUrl"), null).then().statusCode(200);
        String refundId = await("automatic refund").until(() -> text(db,
                "select id::text from refund where payment_id = ?::uuid and payout_attempts > 0", onlineId), Objects::nonNull);
        assertEquals("PAYING_OUT", text(db, "select state from refund where id = ?::uuid", refundId));
        assertEquals(0, events(refundId, PaymentRefunded.TYPE), "nothing is announced before the money went back");

        clearFaults();
        await("refunded").until(() -> "REFUNDED".equals(text(db, "select state from refund where id = ?::uuid", refundId)));
        List<Map<String, Object>> atAlipay = given().get(simulators() + "/sim/providers/alipay/refunds").then().statusCode(200)
                .extract().jsonPath().getList("refunds.findAll { it.merchantRefundId == '" + refundId + "' }");
        assertEquals(1, atAlipay.size());
        assertEquals(onlineId, atAlipay.get(0).get("merchantOrderId"));
        assertEquals(0, money(WEIFANG_MONTH_TOTAL).compareTo(new BigDecimal(String.valueOf(atAlipay.get(0).get("amount")))));
        assertEquals(atAlipay.get(0).get("refundId"),
                text(db, "select payout_reference from refund where id = ?::uuid", refundId));

        JsonNode event = awaitEvent(refundId, PaymentRefunded.TYPE);
        assertEquals("AUTOMATIC", event.get("refundKind").asText());
        assertEquals(WEIFANG_MONTH_TOTAL, event.get("total").asText());
        payouts.run();
        assertEquals(1, events(refundId, PaymentRefunded.TYPE));
    }

    @Test
    void counterMoneyTakenTwiceHasNoAccountToGoBackToAndIsLeftToOps() {
        String person = newPerson();
        String serial = payable(db, person);
        String onlineId = paidOnline(db, contributor(person), serial);
        await("paid").until(() -> "PAID".equals(text(db, "select status from payment where id = ?::uuid", onlineId)));
        String counterId = bank(TEST_BANK, TEST_BANK_SECRET, "POST", "/api/v1/bank/payments", counterPayment(serial)).then()
                .statusCode(201).body("status", equalTo("REFUNDED")).extract().path("paymentId");

        String refundId = text(db, "select id::text from refund where payment_id = ?::uuid", counterId);
        assertEquals("PAYOUT_FAILED", text(db, "select state from refund where id = ?::uuid", refundId));
        assertEquals(RefundPayouts.NO_ACCOUNT, text(db, "select payout_error from refund where id = ?::uuid", refundId));
        assertEquals(1, count(db, "select count(*) from ops_issue where kind = 'REFUND_PAYOUT_FAILED' and payment_id = ?::uuid"
                + " and channel = 'BANK_COUNTER'", counterId));
        assertEquals(0, events(refundId, PaymentRefunded.TYPE));

        // the person gives an account: the counter money goes back by bank transfer, then is announced once
        String account = newAccount();
        giveAccount(contributor(person), refundId, account, "102521000011").statusCode(200).body("state", equalTo("PAYING_OUT"));
        await("refunded").until(() -> "REFUNDED".equals(text(db, "select state from refund where id = ?::uuid", refundId)));
        assertEquals(account, transfers(refundId + "-1").get(0).get("accountNumber"));
        awaitEvent(refundId, PaymentRefunded.TYPE);
        assertEquals(1, events(refundId, PaymentRefunded.TYPE));
    }

    private static io.restassured.response.ValidatableResponse giveAccount(String token, String refundId, String account,
            String bankCode) {
        return given().header("Authorization", token).header("Idempotency-Key", "k-" + UUID.randomUUID())
                .contentType("application/json").body(accountBody(account, bankCode))
                .post("/api/v1/refunds/" + refundId + "/payout-account").then();
    }

    private static String accountBody(String account, String bankCode) {
        return "{\"bankAccount\":\"" + account + "\",\"bankName\":\"建设银行济南分行\",\"bankCode\":\"" + bankCode + "\"}";
    }

    private String registered(String name) {
        String person = newPerson();
        register(person, "42010619900101" + String.format("%04d", ThreadLocalRandom.current().nextInt(10_000)), name);
        await("person").until(() -> count(db, "select count(*) from person where person_id = ?", person) == 1);
        return person;
    }

    private String paid(String person) {
        String paymentId = paidOnline(db, contributor(person), payable(db, person));
        await("paid").until(() -> "PAID".equals(text(db, "select status from payment where id = ?::uuid", paymentId)));
        return paymentId;
    }

    private static String newAccount() {
        return "6222" + String.format("%015d", ThreadLocalRandom.current().nextLong(1_000_000_000_000_000L));
    }

    private static io.restassured.response.Response apply(String person, String paymentId, String account) {
        return given().header("Authorization", contributor(person)).header("Idempotency-Key", "k-" + UUID.randomUUID())
                .contentType("application/json").body("{\"lines\":[{\"insurance\":\"PENSION\",\"amount\":\"796.00\"}],"
                        + "\"bankAccount\":\"" + account + "\",\"bankName\":\"工商银行武汉分行\",\"bankCode\":\"102521000011\","
                        + "\"reason\":\"paid twice\"}")
                .post("/api/v1/payments/" + paymentId + "/refunds");
    }

    private static io.restassured.response.ValidatableResponse decide(String refundId) {
        return given().header("Authorization", TestTokens.bearer(Roles.AGENCY, "weifang-pension")).contentType("application/json")
                .body("{\"decision\":\"APPROVE\"}").post("/api/v1/agency/refunds/" + refundId + "/decision").then()
                .statusCode(200);
    }

    private static String applyAndApprove(String person, String paymentId, String account) {
        String refundId = apply(person, paymentId, account).then().statusCode(201).extract().path("refundId");
        decide(refundId).body("state", equalTo("PAYING_OUT")).body("refundedAt", nullValue());
        return refundId;
    }

    private static io.restassured.response.ValidatableResponse refund(String person, String refundId) {
        return given().header("Authorization", contributor(person)).get("/api/v1/refunds/" + refundId).then().statusCode(200);
    }

    private static void awaitState(String person, String refundId, String state) {
        await("refund " + state).until(() -> state.equals(given().header("Authorization", contributor(person))
                .get("/api/v1/refunds/" + refundId).then().extract().path("state")));
    }

    /** What the payout bank holds for this transfer id. */
    private static List<Map<String, Object>> transfers(String transferId) {
        JsonPath held = given().get(simulators() + SIM_TRANSFERS).then().statusCode(200).extract().jsonPath();
        return held.getList("transfers.findAll { it.transferId == '" + transferId + "' }");
    }

    /** A transfer as flexsi signs it, straight to the bank; returns the bank's transaction id. */
    private static String signedTransfer(String body) {
        String path = "/banks/" + TEST_BANK + "/transfers";
        long now = Instant.now().getEpochSecond();
        String nonce = UUID.randomUUID().toString();
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String transaction = given().header(HttpSignature.KEY_ID, "flexsi").header(HttpSignature.TIMESTAMP, Long.toString(now))
                .header(HttpSignature.NONCE, nonce)
                .header(HttpSignature.SIGNATURE, HttpSignature.sign(TEST_BANK_SECRET, "POST", path, now, nonce, bytes))
                .contentType("application/json").body(bytes).post(simulators() + path).then().statusCode(201)
                .body("status", equalTo("SUCCESS")).extract().path("bankTransactionId");
        assertTrue(transaction != null && !transaction.isBlank());
        return transaction;
    }

    private static String counterPayment(String serial) {
        return "{\"assessmentSerial\":\"" + serial + "\",\"bankTransactionId\":\"TB-" + UUID.randomUUID() + "\",\"amount\":\""
                + WEIFANG_MONTH_TOTAL + "\",\"method\":\"CASH\"}";
    }
}
