package org.flexsi.payment.bank;

import static org.awaitility.Awaitility.await;
import static io.restassured.RestAssured.given;
import static org.flexsi.payment.support.Events.awaitEvent;
import static org.flexsi.payment.support.Events.events;
import static org.flexsi.payment.support.Fixtures.*;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;
import org.flexsi.contracts.events.PaymentRefunded;
import org.flexsi.contracts.events.PaymentSucceeded;
import org.flexsi.platform.security.Roles;
import org.flexsi.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

/** A bank plays itself here: it signs its requests with its own key, as the bank channel requires. */
@QuarkusTest
class BankChannelTest {
    private static final String PAYMENTS = "/api/v1/bank/payments";

    @Inject
    DataSource db;

    @Test
    void aCounterFindsWhatAPersonOwesAndTakesThePaymentOnce() {
        String person = newPerson();
        String idNumber = "42010619900101" + String.format("%04d", (int) (Math.random() * 10_000));
        register(person, idNumber, "李四");
        String serial = payable(db, person);
        await("person").until(() -> count(db, "select count(*) from person where person_id = ?", person) == 1);

        bank(TEST_BANK, TEST_BANK_SECRET, "POST", "/api/v1/bank/owed-queries",
                "{\"idNumber\":\"" + idNumber + "\",\"name\":\"李四\"}").then().statusCode(200)
                .body("assessmentSerial", hasItem(serial)).body("find { it.assessmentSerial == '" + serial + "' }.total",
                        equalTo(WEIFANG_MONTH_TOTAL));
        bank(TEST_BANK, TEST_BANK_SECRET, "POST", "/api/v1/bank/owed-queries",
                "{\"idNumber\":\"" + idNumber + "\",\"name\":\"王五\"}").then().statusCode(404).contentType("application/problem+json");

        String txn = "TB-" + UUID.randomUUID();
        String confirmation = confirmation(serial, txn, WEIFANG_MONTH_TOTAL);
        String paymentId = bank(TEST_BANK, TEST_BANK_SECRET, "POST", PAYMENTS, confirmation).then().statusCode(201)
                .body("status", equalTo("PAID")).body("bankTransactionId", equalTo(txn)).extract().path("paymentId");
        // the bank did not see the answer and asks again: the same result, nothing booked twice
        bank(TEST_BANK, TEST_BANK_SECRET, "POST", PAYMENTS, confirmation).then().statusCode(200)
                .header("Idempotent-Replayed", "true").body("paymentId", equalTo(paymentId));
        bank(TEST_BANK, TEST_BANK_SECRET, "POST", PAYMENTS, confirmation(serial, txn, "1.00")).then().statusCode(422);
        assertEquals(1, count(db, "select count(*) from payment where assessment_serial = ?", serial));

        JsonNode event = awaitEvent(paymentId, PaymentSucceeded.TYPE);
        assertEquals("BANK_COUNTER", event.get("channel").asText());
        assertEquals(TEST_BANK, event.get("provider").asText());
        assertEquals(txn, event.get("providerTransactionId").asText());
        assertEquals(person, event.get("payerId").asText());
        assertEquals(1, events(paymentId, PaymentSucceeded.TYPE));

        // a bank sees only its own transactions
        bank(TEST_BANK, TEST_BANK_SECRET, "GET", PAYMENTS + "/" + txn, null).then().statusCode(200).body("status", equalTo("PAID"));
        bank(OTHER_BANK, OTHER_BANK_SECRET, "GET", PAYMENTS + "/" + txn, null).then().statusCode(404);
        bank(OTHER_BANK, OTHER_BANK_SECRET, "POST", PAYMENTS + "/" + txn + "/reversal", null).then().statusCode(404);
    }

    @Test
    void aCounterPaymentOfAnotherAmountIsRefusedAndBooksNothing() {
        String person = newPerson();
        String serial = payable(db, person);
        bank(TEST_BANK, TEST_BANK_SECRET, "POST", PAYMENTS, confirmation(serial, "TB-" + UUID.randomUUID(), "1000.00"))
                .then().statusCode(422).contentType("application/problem+json");
        bank(TEST_BANK, TEST_BANK_SECRET, "POST", PAYMENTS, confirmation("NO-SUCH", "TB-" + UUID.randomUUID(), "1.00"))
                .then().statusCode(404);
        bank(TEST_BANK, TEST_BANK_SECRET, "POST", PAYMENTS, "{\"assessmentSerial\":\"" + serial + "\",\"amount\":\"NaN\"}")
                .then().statusCode(400).contentType("application/problem+json");
        bank(TEST_BANK, TEST_BANK_SECRET, "POST", PAYMENTS, "{").then().statusCode(400).contentType("application/problem+json");
        assertEquals(0, count(db, "select count(*) from payment where assessment_serial = ?", serial));
    }

    @Test
    void unsignedReplayedStaleOrForeignRequestsAreRefused() {
        String person = newPerson();
        String serial = payable(db, person);
        String body = confirmation(serial, "TB-" + UUID.randomUUID(), WEIFANG_MONTH_TOTAL);
        given().contentType("application/json").body(body).post(PAYMENTS).then().statusCode(401);
        given().header("Authorization", TestTokens.bearer(Roles.BANK, TEST_BANK)).contentType("application/json").body(body)
                .post(PAYMENTS).then().statusCode(401).contentType("application/problem+json");
        bank(TEST_BANK, "not-our-secret", "POST", PAYMENTS, body).then().statusCode(401);
        long stale = Instant.now().minus(Duration.ofMinutes(6)).getEpochSecond();
        bankSigned(TEST_BANK, TEST_BANK_SECRET, "POST", PAYMENTS, body, stale, null).then().statusCode(401);
        long future = Instant.now().plus(Duration.ofMinutes(6)).getEpochSecond();
        bankSigned(TEST_BANK, TEST_BANK_SECRET, "POST", PAYMENTS, body, future, null).then().statusCode(401);
        // another bank's token with testbank's signature
        given().header("Authorization", TestTokens.bearer(Roles.BANK, OTHER_BANK)).contentType("application/json").body(body)
                .header("X-Flexsi-Key-Id", TEST_BANK).post(PAYMENTS).then().statusCode(401);
        given().header("Authorization", contributor(person)).contentType("application/json").body(body).post(PAYMENTS)
                .then().statusCode(403);
        assertEquals(0, count(db, "select count(*) from payment where assessment_serial = ?", serial));

        String nonce = UUID.randomUUID().toString();
        bankSigned(TEST_BANK, TEST_BANK_SECRET, "POST", PAYMENTS, body, null, nonce).then().statusCode(201);
        bankSigned(TEST_BANK, TEST_BANK_SECRET, "POST", PAYMENTS, body, null, nonce).then().statusCode(401)
                .body("detail", org.hamcrest.Matchers.containsString("nonce"));
    }

    @Test
    void aSameDayReversalUndoesThePaymentAndTheAssessmentIsPayableAgain() {
        String person = newPerson();
        String serial = payable(db, person);
        String txn = "TB-" + UUID.randomUUID();
        String paymentId = bank(TEST_BANK, TEST_BANK_SECRET, "POST", PAYMENTS, confirmation(serial, txn, WEIFANG_MONTH_TOTAL))
                .then().statusCode(201).extract().path("paymentId");
        bank(TEST_BANK, TEST_BANK_SECRET, "POST", PAYMENTS + "/" + txn + "/reversal", null).then().statusCode(200)
                .body("status", equalTo("REVERSED"));
        bank(TEST_BANK, TEST_BANK_SECRET, "POST", PAYMENTS + "/" + txn + "/reversal", null).then().statusCode(200)
                .body("status", equalTo("REVERSED"));
        JsonNode refunded = awaitEvent(paymentId, PaymentRefunded.TYPE);
        assertEquals(WEIFANG_MONTH_TOTAL, refunded.get("total").asText());
        assertEquals(1, events(paymentId, PaymentRefunded.TYPE));
        assertEquals("OPEN", text(db, "select state from assessment where serial_number = ?", serial));
        createOrder(contributor(person), serial, "WECHAT").then().statusCode(201);
    }

    @Test
    void whenACounterAndAQrCodePayTheSameAssessmentTheSecondIsBookedAndRefunded() {
        String person = newPerson();
        String serial = payable(db, person);
        var order = createOrder(contributor(person), serial, "ALIPAY").then().statusCode(201).extract();
        String onlineId = order.path("paymentId");
        // Alipay's merchant API is unreachable, so the now superfluous QR order cannot be closed in time
        fault("{\"target\":\"alipay\",\"mode\":\"down\"}");
        try {
            String txn = "TB-" + UUID.randomUUID();
            bank(TEST_BANK, TEST_BANK_SECRET, "POST", PAYMENTS, confirmation(serial, txn, WEIFANG_MONTH_TOTAL)).then()
                    .statusCode(201).body("status", equalTo("PAID"));
            assertEquals("EXPIRED", text(db, "select status from payment where id = ?::uuid", onlineId));
            // the QR code was still on the payer's phone
            pay(order.path("payUrl"), null).then().statusCode(200);
            await("online refunded").until(() -> "REFUNDED".equals(text(db, "select status from payment where id = ?::uuid", onlineId)));
        } finally {
            clearFaults();
        }
        awaitEvent(onlineId, PaymentRefunded.TYPE);
        assertEquals(0, events(onlineId, PaymentSucceeded.TYPE), "the assessment counts once");
        assertEquals(1, count(db, "select count(*) from payment where assessment_serial = ? and status = 'PAID'", serial));
    }

    private static String confirmation(String serial, String txn, String amount) {
        return "{\"assessmentSerial\":\"" + serial + "\",\"bankTransactionId\":\"" + txn + "\",\"amount\":\"" + amount
                + "\",\"method\":\"CASH\"}";
    }
}
