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
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.flexsi.contracts.events.PaymentFailed;
import org.flexsi.contracts.events.PaymentSucceeded;
import org.junit.jupiter.api.Test;

/** A month's batch debit end to end: agreements, the file, the bank's result file booked once. */
@QuarkusTest
class BatchDebitTest {
    @Inject
    DataSource db;

    @Test
    void aMonthlyBatchDebitsAgreementHoldersAndTheResultFileBooksOnce() throws Exception {
        String rich = newPerson();
        String broke = newPerson();
        String noAgreement = newPerson();
        String richSerial = payable(db, rich);
        String brokeSerial = payable(db, broke);
        payable(db, noAgreement);
        agreement(rich, "6222021234567890123").then().statusCode(201).body("accountNumber", equalTo("***************0123"));
        agreement(broke, "6222029876543210987").then().statusCode(201);
        agreement(rich, "12").then().statusCode(400).contentType("application/problem+json");

        given().header("Authorization", ops()).header("Idempotency-Key", "k-" + UUID.randomUUID()).contentType("application/json")
                .body("{\"bankId\":\"" + TEST_BANK + "\",\"month\":\"2099-01\"}").post("/api/v1/ops/debit-batches")
                .then().statusCode(422).body("rule", equalTo("R19"));
        String month = YearMonth.now(ZoneId.of("Asia/Shanghai")).minusMonths(1).toString();
        String batchId = given().header("Authorization", ops()).header("Idempotency-Key", "k-" + UUID.randomUUID())
                .contentType("application/json").body("{\"bankId\":\"" + TEST_BANK + "\",\"month\":\"" + month + "\"}")
                .post("/api/v1/ops/debit-batches").then().statusCode(201).body("lineCount", equalTo(2))
                .body("total", equalTo("2141.24")).extract().path("batchId");
        given().header("Authorization", ops()).header("Idempotency-Key", "k-" + UUID.randomUUID()).contentType("application/json")
                .body("{\"bankId\":\"" + TEST_BANK + "\",\"month\":\"" + month + "\"}").post("/api/v1/ops/debit-batches")
                .then().statusCode(409);
        given().header("Authorization", contributor(rich)).get("/api/v1/ops/debit-batches").then().statusCode(403);

        String file = bank(TEST_BANK, TEST_BANK_SECRET, "GET", "/api/v1/bank/debit-batches/" + batchId + "/file", null)
                .then().statusCode(200).extract().asString();
        bank(OTHER_BANK, OTHER_BANK_SECRET, "GET", "/api/v1/bank/debit-batches/" + batchId + "/file", null).then().statusCode(404);
        List<String> lines = file.lines().toList();
        assertTrue(lines.get(0).startsWith("H|FLEXSI-DEBIT|1|" + batchId + "|" + TEST_BANK + "|" + month + "|"));
        assertEquals("T|2|2141.24", lines.get(3));
        String body = file.substring(0, file.lastIndexOf("S|"));
        assertEquals("S|" + sha256(body), lines.get(4), "checksum covers everything above it");

        String richLine = lines.stream().filter(l -> l.contains(richSerial)).findFirst().orElseThrow();
        String brokeLine = lines.stream().filter(l -> l.contains(brokeSerial)).findFirst().orElseThrow();
        assertTrue(richLine.contains("|6222021234567890123|"));
        String richPayment = richLine.split("\\|")[2];
        String brokePayment = brokeLine.split("\\|")[2];

        String result = resultFile(batchId, List.of(
                "R|1|" + richPayment + "|PAID|" + WEIFANG_MONTH_TOTAL + "|TBD-0001",
                "R|2|" + brokePayment + "|INSUFFICIENT_FUNDS|" + WEIFANG_MONTH_TOTAL + "|"), WEIFANG_MONTH_TOTAL);
        bank(TEST_BANK, TEST_BANK_SECRET, "POST", "/api/v1/bank/debit-results", result).then().statusCode(200)
                .body("paid", equalTo(1)).body("unpaid", equalTo(1)).body("alreadyBooked", equalTo(false));
        bank(TEST_BANK, TEST_BANK_SECRET, "POST", "/api/v1/bank/debit-results", result).then().statusCode(200)
                .body("paid", equalTo(0)).body("unpaid", equalTo(0)).body("alreadyBooked", equalTo(true));
        bank(TEST_BANK, TEST_BANK_SECRET, "POST", "/api/v1/bank/debit-results", result.replace("TBD-0001", "TBD-0002"))
                .then().statusCode(400).contentType("application/problem+json");
        bank(OTHER_BANK, OTHER_BANK_SECRET, "POST", "/api/v1/bank/debit-results", result).then().statusCode(422);

        assertEquals("PAID", text(db, "select status from payment where id = ?::uuid", richPayment));
        assertEquals("FAILED", text(db, "select status from payment where id = ?::uuid", brokePayment));
        assertEquals("BANK_DEBIT", awaitEvent(richPayment, PaymentSucceeded.TYPE).get("channel").asText());
        assertEquals("bank debit: INSUFFICIENT_FUNDS", awaitEvent(brokePayment, PaymentFailed.TYPE).get("reason").asText());
        assertEquals(1, count(db, "select count(*) from payment where assessment_serial = ?", richSerial));
    }

    private static io.restassured.response.Response agreement(String person, String account) {
        return given().header("Authorization", contributor(person)).header("Idempotency-Key", "k-" + UUID.randomUUID())
                .contentType("application/json").body("{\"bankId\":\"" + TEST_BANK + "\",\"accountNumber\":\"" + account
                        + "\",\"accountName\":\"张三\"}").post("/api/v1/debit-agreements");
    }

    /** What the bank sends back, checksum and all. */
    static String resultFile(String batchId, List<String> rows, String paidTotal) {
        StringBuilder body = new StringBuilder("H|FLEXSI-DEBIT-RESULT|1|" + batchId + "|" + TEST_BANK + "\n");
        rows.forEach(r -> body.append(r).append('\n'));
        body.append("T|").append(rows.size()).append('|').append(paidTotal).append('\n');
        return body + "S|" + sha256(body.toString()) + "\n";
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
