package org.flexsi.payment.reconciliation;

import static io.restassured.RestAssured.given;
import static org.flexsi.payment.support.Events.awaitEvent;
import static org.flexsi.payment.support.Fixtures.*;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import javax.sql.DataSource;
import org.flexsi.contracts.events.PaymentSucceeded;
import org.flexsi.platform.time.BusinessTime;
import org.junit.jupiter.api.Test;

/** The provider's statement against our books: a lost callback is booked, a payment they do not know is flagged. */
@QuarkusTest
class ReconciliationTest {
    @Inject
    DataSource db;

    @Test
    void reconciliationBooksALostCallbackAndFlagsWhatTheStatementLacks() {
        String today = BusinessTime.today(java.time.Clock.systemUTC()).toString();
        String lostPerson = newPerson();
        var lost = createOrder(contributor(lostPerson), payable(db, lostPerson), "UNIONPAY").then().statusCode(201).extract();
        String lostId = lost.path("paymentId");
        fault("{\"target\":\"unionpay\",\"mode\":\"drop-callbacks\",\"count\":1}");
        pay(lost.path("payUrl"), null).then().statusCode(200);

        // reconciliation runs before the sweeper's stuck-after has passed: it is the one that finds the payment
        given().header("Authorization", ops()).contentType("application/json")
                .body("{\"channel\":\"UNIONPAY\",\"day\":\"" + today + "\"}").post("/api/v1/ops/reconciliations")
                .then().statusCode(200).body("booked", equalTo(1)).body("theirCount", greaterThanOrEqualTo(1));
        assertEquals("PAID", text(db, "select status from payment where id = ?::uuid", lostId));
        awaitEvent(lostId, PaymentSucceeded.TYPE);

        // a payment we booked that the provider never took: a forged or misrouted success
        String ghostPerson = newPerson();
        String ghostId = createOrder(contributor(ghostPerson), payable(db, ghostPerson), "UNIONPAY").then().statusCode(201)
                .extract().path("paymentId");
        providerCallback("unionpay", org.flexsi.payment.support.SimulatorsResource.UNIONPAY_SECRET, "{\"merchantOrderId\":\""
                + ghostId + "\",\"transactionId\":\"up-tx-ghost\",\"amount\":\"" + WEIFANG_MONTH_TOTAL
                + "\",\"status\":\"SUCCESS\",\"paidAt\":\"" + java.time.Instant.now() + "\"}").then().statusCode(200);
        given().header("Authorization", ops()).contentType("application/json")
                .body("{\"channel\":\"UNIONPAY\",\"day\":\"" + today + "\"}").post("/api/v1/ops/reconciliations")
                .then().statusCode(200).body("booked", equalTo(0)).body("issues", equalTo(1));
        // a rerun reports the same difference once
        given().header("Authorization", ops()).contentType("application/json")
                .body("{\"channel\":\"UNIONPAY\",\"day\":\"" + today + "\"}").post("/api/v1/ops/reconciliations")
                .then().statusCode(200).body("issues", equalTo(0));

        String issueId = given().header("Authorization", ops()).get("/api/v1/ops/issues?kind=MISSING_ON_THEIRS&state=OPEN")
                .then().statusCode(200).extract().path("find { it.paymentId == '" + ghostId + "' }.issueId");
        given().header("Authorization", ops()).contentType("application/json").body("{\"resolution\":\"provider confirms no money\"}")
                .post("/api/v1/ops/issues/" + issueId + "/resolution").then().statusCode(200).body("state", equalTo("RESOLVED"));
        given().header("Authorization", ops()).contentType("application/json").body("{\"resolution\":\"again\"}")
                .post("/api/v1/ops/issues/" + issueId + "/resolution").then().statusCode(409);
    }

    @Test
    void aBankDebitWhoseResultWasLostIsBookedFromTheBankStatementAndTheDayThenReconciles() {
        String person = newPerson();
        String serial = payableForDebit(db, person);
        agreement(person, OTHER_BANK, newAccount()).then().statusCode(201);
        String batchId = debitBatch(OTHER_BANK, "2031-11").then().statusCode(201).body("submission.state", equalTo("PULL"))
                .extract().path("batchId");
        // otherbank fetches its file and debits it, but its result file never reaches us
        String result = debitAtBank(OTHER_BANK, OTHER_BANK_SECRET, batchId);
        String paymentId = text(db, "select id::text from payment where assessment_serial = ? and debit_batch_id = ?::uuid",
                serial, batchId);
        String line = result.lines().filter(l -> l.contains(paymentId)).findFirst().orElseThrow();
        assertEquals("PAID", line.split("\\|")[3]);
        assertEquals("PAYING", text(db, "select status from payment where id = ?::uuid", paymentId));

        String bankDay = "{\"channel\":\"BANK_DEBIT\",\"bankId\":\"" + OTHER_BANK + "\",\"day\":\"" + today() + "\"}";
        reconcile(bankDay).then().statusCode(200).body("channel", equalTo("BANK_DEBIT")).body("bankId", equalTo(OTHER_BANK))
                .body("booked", equalTo(1)).body("issues", equalTo(0));
        assertEquals("PAID", text(db, "select status from payment where id = ?::uuid", paymentId));
        assertEquals(line.split("\\|")[5], text(db, "select external_txn_id from payment where id = ?::uuid", paymentId));
        assertEquals("BANK_DEBIT", awaitEvent(paymentId, PaymentSucceeded.TYPE).get("channel").asText());

        // booked now, the bank's day and ours agree
        var day = reconcile(bankDay).then().statusCode(200).body("booked", equalTo(0)).body("issues", equalTo(0))
                .body("theirCount", greaterThanOrEqualTo(1)).extract().jsonPath();
        assertEquals(day.getInt("theirCount"), day.getInt("matched"));
        assertEquals(day.getInt("theirCount"), day.getInt("ourCount"));
        assertEquals(day.getString("theirTotal"), day.getString("ourTotal"));
        assertEquals(1, count(db, "select count(*) from reconciliation_run where channel = 'BANK_DEBIT' and party = ?"
                + " and business_day = ?::date", OTHER_BANK, today()));
    }

    @Test
    void onlyOpsReconcileAndBadRequestsAreProblems() {
        given().contentType("application/json").body("{\"channel\":\"WECHAT\",\"day\":\"2026-12-01\"}")
                .post("/api/v1/ops/reconciliations").then().statusCode(401);
        given().header("Authorization", contributor(newPerson())).contentType("application/json")
                .body("{\"channel\":\"WECHAT\",\"day\":\"2026-12-01\"}").post("/api/v1/ops/reconciliations").then().statusCode(403);
        for (String body : new String[] { "{", "[]", "{\"channel\":\"BANK_COUNTER\",\"day\":\"2026-12-01\"}",
                "{\"channel\":\"WECHAT\",\"day\":\"2026-13-45\"}", "{\"channel\":\"BANK_DEBIT\",\"day\":\"2026-12-01\"}",
                "{\"channel\":\"WECHAT\",\"bankId\":\"testbank\",\"day\":\"2026-12-01\"}",
                "{\"channel\":\"BANK_DEBIT\",\"bankId\":\"Not A Bank\",\"day\":\"2026-12-01\"}" }) {
            given().header("Authorization", ops()).contentType("application/json").body(body).post("/api/v1/ops/reconciliations")
                    .then().statusCode(400).contentType("application/problem+json");
        }
        reconcile("{\"channel\":\"BANK_DEBIT\",\"bankId\":\"nobank\",\"day\":\"2026-12-01\"}").then().statusCode(422)
                .contentType("application/problem+json");
        given().header("Authorization", ops()).get("/api/v1/ops/issues?state=MAYBE").then().statusCode(400);
        given().get("/api/v1/ops/issues").then().statusCode(401);
    }
}
