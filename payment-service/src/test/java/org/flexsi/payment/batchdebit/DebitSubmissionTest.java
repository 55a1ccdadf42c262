package org.flexsi.payment.batchdebit;

import static org.awaitility.Awaitility.await;
import static org.flexsi.payment.support.Events.awaitEvent;
import static org.flexsi.payment.support.Events.events;
import static org.flexsi.payment.support.Fixtures.*;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Objects;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import javax.sql.DataSource;
import org.flexsi.contracts.events.PaymentFailed;
import org.flexsi.contracts.events.PaymentSucceeded;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** testbank gets its files sent: the submitter sends each new batch to the bank simulator and books its answer. */
@QuarkusTest
class DebitSubmissionTest {
    @Inject
    DataSource db;

    @AfterEach
    void noFaultsLeft() {
        clearFaults();
    }

    @Test
    void aNewBatchIsSentToItsBankAndTheAnswerIsBookedOnce() {
        String payer = newPerson();
        String broke = newPerson();
        String closed = newPerson();
        String payerSerial = payableForDebit(db, payer);
        String brokeSerial = payableForDebit(db, broke);
        String closedSerial = payableForDebit(db, closed);
        agreement(payer, TEST_BANK, newAccount()).then().statusCode(201);
        String brokeAccount = newAccount();
        String closedAccount = newAccount();
        agreement(broke, TEST_BANK, brokeAccount).then().statusCode(201);
        agreement(closed, TEST_BANK, closedAccount).then().statusCode(201);
        accountOutcome(TEST_BANK, brokeAccount, "INSUFFICIENT_FUNDS");
        accountOutcome(TEST_BANK, closedAccount, "ACCOUNT_CLOSED");

        String batchId = debitBatch(TEST_BANK, "2031-07").then().statusCode(201)
                .body("submission.state", equalTo("SEND")).body("results.files", equalTo(0)).extract().path("batchId");
        JsonPath sent = await("batch " + batchId + " sent").until(() -> {
            JsonPath view = batchView(TEST_BANK, batchId);
            return "SENT".equals(view.getString("submission.state")) ? view : null;
        }, Objects::nonNull);
        assertEquals(1, sent.getInt("submission.attempts"));
        assertNotNull(sent.getString("submission.sentAt"));
        assertNull(sent.getString("submission.lastError"));
        assertEquals(1, sent.getInt("results.files"));

        String payerPayment = paymentOf(payerSerial);
        String brokePayment = paymentOf(brokeSerial);
        String closedPayment = paymentOf(closedSerial);
        assertEquals("PAID", text(db, "select status from payment where id = ?::uuid", payerPayment));
        assertTrue(text(db, "select external_txn_id from payment where id = ?::uuid", payerPayment).startsWith(TEST_BANK + "-dd-"));
        assertEquals("BANK_DEBIT", awaitEvent(payerPayment, PaymentSucceeded.TYPE).get("channel").asText());
        assertEquals("bank debit: INSUFFICIENT_FUNDS", awaitEvent(brokePayment, PaymentFailed.TYPE).get("reason").asText());
        assertEquals("bank debit: ACCOUNT_CLOSED", awaitEvent(closedPayment, PaymentFailed.TYPE).get("reason").asText());

        // the bank also hands in the result file it answered with (the simulator answers the same file the same way)
        String result = debitAtBank(TEST_BANK, TEST_BANK_SECRET, batchId);
        assertEquals("S|" + sent.getString("submission.resultChecksum"), result.lines().reduce((a, b) -> b).orElseThrow());
        handIn(TEST_BANK, TEST_BANK_SECRET, result).then().statusCode(200)
                .body("alreadyBooked", equalTo(true)).body("paid", equalTo(0)).body("unpaid", equalTo(0));
        assertEquals(1, batchView(TEST_BANK, batchId).getInt("results.files"));
        assertEquals(1, events(payerPayment, PaymentSucceeded.TYPE));
        assertEquals(1, events(brokePayment, PaymentFailed.TYPE));

        // the bank's statement of today holds exactly what we booked from its answers
        JsonPath day = reconcile("{\"channel\":\"BANK_DEBIT\",\"bankId\":\"" + TEST_BANK + "\",\"day\":\"" + today() + "\"}")
                .then().statusCode(200).body("bankId", equalTo(TEST_BANK)).body("booked", equalTo(0)).body("issues", equalTo(0))
                .body("theirCount", greaterThanOrEqualTo(1)).extract().jsonPath();
        assertEquals(day.getInt("theirCount"), day.getInt("matched"));
        assertEquals(day.getInt("theirCount"), day.getInt("ourCount"));
        assertEquals(day.getString("theirTotal"), day.getString("ourTotal"));
    }

    @Test
    void aBankThatIsDownIsTriedAgainAndTheBatchIsBookedOnce() {
        String person = newPerson();
        String serial = payableForDebit(db, person);
        agreement(person, TEST_BANK, newAccount()).then().statusCode(201);
        // down until cleared, not for a count: other calls to the same bank (refund payouts) could use up a count
        fault("{\"target\":\"" + TEST_BANK + "\",\"mode\":\"down\"}");

        String batchId = debitBatch(TEST_BANK, "2031-08").then().statusCode(201).body("submission.state", equalTo("SEND"))
                .extract().path("batchId");
        JsonPath failing = await("a failed send of " + batchId + " tried again").until(() -> {
            JsonPath view = batchView(TEST_BANK, batchId);
            return view.getInt("submission.attempts") >= 2 && view.getString("submission.lastError") != null ? view : null;
        }, Objects::nonNull);
        assertTrue(failing.getString("submission.lastError").contains("503"), failing.getString("submission.lastError"));
        assertEquals("SEND", failing.getString("submission.state"), "a bank that is down is tried again");
        assertEquals(0, failing.getInt("results.files"));
        assertEquals("PAYING", text(db, "select status from payment where id = ?::uuid", paymentOf(serial)));
        clearFaults();

        JsonPath sent = await("batch " + batchId + " sent").until(() -> {
            JsonPath view = batchView(TEST_BANK, batchId);
            return "SENT".equals(view.getString("submission.state")) ? view : null;
        }, Objects::nonNull);
        assertTrue(sent.getInt("submission.attempts") > failing.getInt("submission.attempts"), "sent once the bank was back");
        assertNull(sent.getString("submission.lastError"));
        String payment = paymentOf(serial);
        assertEquals("PAID", text(db, "select status from payment where id = ?::uuid", payment));
        assertEquals(1, count(db, "select count(*) from debit_result_file where batch_id = ?::uuid", batchId));
        awaitEvent(payment, PaymentSucceeded.TYPE);
        assertEquals(1, events(payment, PaymentSucceeded.TYPE));
    }

    private String paymentOf(String serial) {
        return text(db, "select id::text from payment where assessment_serial = ? and channel = 'BANK_DEBIT'"
                + " order by created_at desc limit 1", serial);
    }
}
