package org.flexsi.payment.batchdebit;

import static io.restassured.RestAssured.given;
import static org.flexsi.payment.support.Fixtures.*;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.flexsi.platform.time.PlatformClock;
import org.junit.jupiter.api.Test;

/**
 * Issue 16 item 7: banks number their transactions per business day, so a bank transaction is keyed by bank, business
 * day and id. The same id on another day books; one that truly conflicts with a booked payment is an ops issue while
 * the rest of the result file books.
 */
@QuarkusTest
class BankTransactionDayTest {
    private static final String PAYMENTS = "/api/v1/bank/payments";

    @Inject
    DataSource db;

    @Inject
    PlatformClock clock;


    @Test
    void theSameIdOnAnotherDayBooksAndATrueConflictIsRaisedWhileTheRestBooks() throws Exception {
        String yesterdaysTxn = "OB-" + UUID.randomUUID().toString().substring(0, 8);
        String todaysTxn = "OB-" + UUID.randomUUID().toString().substring(0, 8);
        // the bank's counter took two payments under these ids: one yesterday, one today
        clock.setTo(Instant.now().minus(Duration.ofDays(1)));
        counterPayment(yesterdaysTxn);
        clock.reset();
        String todaysCounterPayment = counterPayment(todaysTxn);

        String again = newPerson();
        String conflicting = newPerson();
        String plain = newPerson();
        String againSerial = payableForDebit(db, again);
        String conflictingSerial = payableForDebit(db, conflicting);
        String plainSerial = payableForDebit(db, plain);
        for (String person : List.of(again, conflicting, plain)) {
            agreement(person, DAY_BANK, newAccount()).then().statusCode(201);
        }
        String batchId = debitBatch(DAY_BANK, "2031-12").then().statusCode(201).extract().path("batchId");
        String againPayment = debitPaymentOf(againSerial, batchId);
        String conflictingPayment = debitPaymentOf(conflictingSerial, batchId);
        String plainPayment = debitPaymentOf(plainSerial, batchId);

        // the bank's answer reuses yesterday's id (legitimate: another business day) and today's (a true conflict)
        String result = debitAtBank(DAY_BANK, DAY_BANK_SECRET, batchId);
        result = withTransaction(withTransaction(result, againPayment, yesterdaysTxn), conflictingPayment, todaysTxn);
        handIn(DAY_BANK, DAY_BANK_SECRET, result).then().statusCode(200).body("alreadyBooked", equalTo(false));

        assertEquals("PAID", status(againPayment), "the same id on another business day is another transaction");
        assertEquals(yesterdaysTxn, text(db, "select external_txn_id from payment where id = ?::uuid", againPayment));
        assertEquals("PAID", status(plainPayment));
        assertEquals("PAYING", status(conflictingPayment), "a line that conflicts is not booked");
        assertEquals("PAID", status(todaysCounterPayment), "the booked payment stays as it was");
        assertEquals(1, count(db, "select count(*) from ops_issue where kind = 'BANK_TXN_CONFLICT' and external_txn_id = ?"
                + " and payment_id = ?::uuid", todaysTxn, conflictingPayment));
        given().header("Authorization", ops()).get("/api/v1/ops/issues?kind=BANK_TXN_CONFLICT&state=OPEN").then()
                .statusCode(200).body("find { it.externalTransactionId == '" + todaysTxn + "' }.channel", equalTo("BANK_DEBIT"));

        // the same file again books nothing and raises nothing again
        handIn(DAY_BANK, DAY_BANK_SECRET, result).then().statusCode(200).body("alreadyBooked", equalTo(true));
        assertEquals(1, count(db, "select count(*) from ops_issue where kind = 'BANK_TXN_CONFLICT' and external_txn_id = ?",
                todaysTxn));
    }

    private String counterPayment(String txn) {
        String serial = payableForDebit(db, newPerson());
        return bank(DAY_BANK, DAY_BANK_SECRET, "POST", PAYMENTS, "{\"assessmentSerial\":\"" + serial
                + "\",\"bankTransactionId\":\"" + txn + "\",\"amount\":\"" + WEIFANG_MONTH_TOTAL + "\",\"method\":\"CASH\"}")
                .then().statusCode(201).body("status", equalTo("PAID")).extract().path("paymentId");
    }

    private String debitPaymentOf(String serial, String batchId) {
        return text(db, "select id::text from payment where assessment_serial = ? and debit_batch_id = ?::uuid", serial, batchId);
    }

    private String status(String paymentId) {
        return text(db, "select status from payment where id = ?::uuid", paymentId);
    }

    /** The result file with {@code payment}'s line paid under {@code txn}, its checksum made again as the bank would. */
    private static String withTransaction(String result, String payment, String txn) {
        List<String> rows = result.lines().collect(Collectors.toList());
        boolean found = false;
        for (int i = 0; i < rows.size(); i++) {
            String[] cells = rows.get(i).split("\\|", -1);
            if (cells[0].equals("R") && cells[2].equals(payment)) {
                assertEquals("PAID", cells[3], rows.get(i));
                cells[5] = txn;
                rows.set(i, String.join("|", cells));
                found = true;
            }
        }
        assertTrue(found, "no line of " + payment);
        String body = rows.subList(0, rows.size() - 1).stream().map(r -> r + "\n").collect(Collectors.joining());
        return body + "S|" + BatchDebitTest.sha256(body) + "\n";
    }
}
