package org.flexsi.payment.batchdebit;

import static org.flexsi.payment.support.Fixtures.*;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * R19 (issue 16 item 4): a batch is made only for the current collection month in China time, only after the 20th,
 * and takes only what is due by that month; past and future months are refused with the rule named.
 */
@QuarkusTest
class DebitBatchMonthTest {
    @Inject
    DataSource db;

    @Test
    void onlyTheCurrentMonthAfterThe20thInChinaTimeAndOnlyWhatIsDueByThen() {
        String monthly = newPerson();
        String yearAhead = newPerson();
        String nextMonth = newPerson();
        String dueNow = payableForDebit(db, monthly, "2031-09");
        String dueLater = payableForDebit(db, yearAhead, "2031-09", "2031-10", "2031-11", "2031-12");
        String dueNextMonth = payableForDebit(db, nextMonth, "2031-10");
        for (String person : new String[] { monthly, yearAhead, nextMonth }) {
            agreement(person, DAY_BANK, newAccount()).then().statusCode(201);
        }

        // 23:59 on the 20th in Beijing (15:59 UTC): not yet
        debitBatchAt(DAY_BANK, "2031-09", Instant.parse("2031-09-20T15:59:00Z")).then().statusCode(422)
                .contentType(containsString("problem+json")).body("rule", equalTo("R19"))
                .body("detail", containsString("runs from 2031-09-21"));
        // a past month and future months, asked on the 25th of September
        Instant on25th = Instant.parse("2031-09-25T04:00:00Z");
        debitBatchAt(DAY_BANK, "2031-08", on25th).then().statusCode(422).body("rule", equalTo("R19"))
                .body("detail", containsString("past month 2031-08"));
        debitBatchAt(DAY_BANK, "2031-10", on25th).then().statusCode(422).body("rule", equalTo("R19"))
                .body("detail", containsString("future month 2031-10"));
        debitBatchAt(DAY_BANK, "2032-01", on25th).then().statusCode(422).body("rule", equalTo("R19"));
        // a month long past, asked today
        debitBatchAt(DAY_BANK, "2024-01", Instant.now()).then().statusCode(422).body("rule", equalTo("R19"));
        assertEquals(0, count(db, "select count(*) from debit_batch where bank_id = ? and month in ('2031-08', '2031-09',"
                + " '2031-10', '2032-01', '2024-01')", DAY_BANK), "no batch made by a refused request");

        // 00:01 on the 21st in Beijing is still 16:01 UTC on the 20th: the batch runs
        String batchId = debitBatchAt(DAY_BANK, "2031-09", Instant.parse("2031-09-20T16:01:00Z")).then().statusCode(201)
                .body("month", equalTo("2031-09")).extract().path("batchId");
        assertEquals(1, debitOrders(dueNow, batchId), "due in the batch's month: debited");
        assertEquals(0, debitOrders(dueLater, batchId), "reaches into later months: not debited early");
        assertEquals(0, debitOrders(dueNextMonth, batchId), "due next month: not debited");
    }

    private long debitOrders(String serial, String batchId) {
        return count(db, "select count(*) from payment where assessment_serial = ? and channel = 'BANK_DEBIT'"
                + " and debit_batch_id = ?::uuid", serial, batchId);
    }
}
