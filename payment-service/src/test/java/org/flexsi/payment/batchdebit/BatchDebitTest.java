package org.flexsi.payment.batchdebit;

import static io.restassured.RestAssured.given;
import static org.flexsi.payment.support.Events.awaitEvent;
import static org.flexsi.payment.support.Fixtures.*;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import javax.sql.DataSource;
import org.flexsi.contracts.events.PaymentFailed;
import org.flexsi.contracts.events.PaymentSucceeded;
import org.junit.jupiter.api.Test;

/**
 * A month's batch debit end to end for a bank that fetches its file and hands in its result itself (otherbank is
 * configured as such in %test, so nothing is sent to it): agreements, the file, the bank's result file booked once.
 */
@QuarkusTest
class BatchDebitTest {
    @Inject
    DataSource db;

    @Test
    void aMonthlyBatchDebitsAgreementHoldersAndTheResultFileBooksOnce() throws Exception {
        String rich = newPerson();
        String broke = newPerson();
        String noAgreement = newPerson();
        String richSerial = payableForDebit(db, rich);
        String brokeSerial = payableForDebit(db, broke);
        payableForDebit(db, noAgreement);
        String richAccount = newAccount();
        String brokeAccount = newAccount();
        agreement(rich, OTHER_BANK, richAccount).then().statusCode(201)
                .body("accountNumber", equalTo("***************" + richAccount.substring(15)));
        agreement(broke, OTHER_BANK, brokeAccount).then().statusCode(201);
        agreement(rich, OTHER_BANK, "12").then().statusCode(400).contentType("application/problem+json");
        accountOutcome(OTHER_BANK, brokeAccount, "INSUFFICIENT_FUNDS");

        debitBatchAt(OTHER_BANK, "2099-01", Instant.now()).then().statusCode(422).body("rule", equalTo("R19"));
        String month = "2031-01";
        String batchId = debitBatch(OTHER_BANK, month).then().statusCode(201).body("lineCount", equalTo(2))
                .body("total", equalTo("2141.24")).body("submission.state", equalTo("PULL")).extract().path("batchId");
        debitBatch(OTHER_BANK, month).then().statusCode(409);
        given().header("Authorization", contributor(rich)).get("/api/v1/ops/debit-batches").then().statusCode(403);

        String file = bank(OTHER_BANK, OTHER_BANK_SECRET, "GET", "/api/v1/bank/debit-batches/" + batchId + "/file", null)
                .then().statusCode(200).extract().asString();
        bank(TEST_BANK, TEST_BANK_SECRET, "GET", "/api/v1/bank/debit-batches/" + batchId + "/file", null).then().statusCode(404);
        List<String> lines = file.lines().toList();
        assertTrue(lines.get(0).startsWith("H|FLEXSI-DEBIT|1|" + batchId + "|" + OTHER_BANK + "|" + month + "|"));
        assertEquals("T|2|2141.24", lines.get(3));
        String body = file.substring(0, file.lastIndexOf("S|"));
        assertEquals("S|" + sha256(body), lines.get(4), "checksum covers everything above it");

        String richLine = lines.stream().filter(l -> l.contains(richSerial)).findFirst().orElseThrow();
        String brokeLine = lines.stream().filter(l -> l.contains(brokeSerial)).findFirst().orElseThrow();
        assertTrue(richLine.contains("|" + richAccount + "|"));
        String richPayment = richLine.split("\\|")[2];
        String brokePayment = brokeLine.split("\\|")[2];

        String result = debitAtBank(OTHER_BANK, OTHER_BANK_SECRET, batchId);
        String richTxn = result.lines().filter(l -> l.contains(richPayment)).findFirst().orElseThrow().split("\\|")[5];
        handIn(OTHER_BANK, OTHER_BANK_SECRET, result).then().statusCode(200)
                .body("paid", equalTo(1)).body("unpaid", equalTo(1)).body("alreadyBooked", equalTo(false));
        handIn(OTHER_BANK, OTHER_BANK_SECRET, result).then().statusCode(200)
                .body("paid", equalTo(0)).body("unpaid", equalTo(0)).body("alreadyBooked", equalTo(true));
        handIn(OTHER_BANK, OTHER_BANK_SECRET, result.replace(richTxn, richTxn + "9"))
                .then().statusCode(400).contentType("application/problem+json");
        handIn(TEST_BANK, TEST_BANK_SECRET, result).then().statusCode(422);

        assertEquals("PAID", text(db, "select status from payment where id = ?::uuid", richPayment));
        assertEquals(richTxn, text(db, "select external_txn_id from payment where id = ?::uuid", richPayment));
        assertEquals("FAILED", text(db, "select status from payment where id = ?::uuid", brokePayment));
        assertEquals("BANK_DEBIT", awaitEvent(richPayment, PaymentSucceeded.TYPE).get("channel").asText());
        assertEquals("bank debit: INSUFFICIENT_FUNDS", awaitEvent(brokePayment, PaymentFailed.TYPE).get("reason").asText());
        assertEquals(1, count(db, "select count(*) from payment where assessment_serial = ?", richSerial));

        var view = batchView(OTHER_BANK, batchId);
        assertEquals("PULL", view.getString("submission.state"), "a bank that fetches its file is never sent one");
        assertEquals(0, view.getInt("submission.attempts"));
        assertEquals(1, view.getInt("results.files"));
        assertEquals(1, view.getInt("results.paid"));
        assertEquals(1, view.getInt("results.unpaid"));
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
