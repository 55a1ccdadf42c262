package org.flexsi.payment.order;

import static io.restassured.RestAssured.given;
import static org.flexsi.payment.support.Fixtures.*;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 16 item 9: a payment's business day is its China date, and R22's "details queryable 1 working day after
 * success" counts from it. Paid at 23:59 and at 00:01 in Beijing around the 2026 National Day holiday (off 10-01..10-07);
 * 00:01 Beijing is 16:01 UTC the day before, so a UTC business day would come out a day early.
 */
@QuarkusTest
class BusinessDayTest {
    @Inject
    DataSource db;

    @ParameterizedTest(name = "paid {0} (Beijing {1}): business day {2}, details from {3}")
    @CsvSource({
            "2026-09-30T15:59:00Z, 09-30 23:59, 2026-09-30, 2026-10-08",
            "2026-09-30T16:01:00Z, 10-01 00:01, 2026-10-01, 2026-10-08",
            "2026-10-07T15:59:00Z, 10-07 23:59, 2026-10-07, 2026-10-08",
            "2026-10-07T16:01:00Z, 10-08 00:01, 2026-10-08, 2026-10-09",
    })
    void aPaymentBelongsToItsBeijingDay(String paidAt, String beijing, String businessDay, String detailsFrom) {
        String person = newPerson();
        String serial = payable(db, person);
        String paymentId = createOrder(contributor(person), serial, "WECHAT").then().statusCode(201).extract().path("paymentId");
        providerCallback("wechat", org.flexsi.payment.support.SimulatorsResource.WECHAT_SECRET, "{\"merchantOrderId\":\"" + paymentId
                + "\",\"transactionId\":\"wx-tx-" + paymentId.substring(0, 8) + "\",\"amount\":\"" + WEIFANG_MONTH_TOTAL
                + "\",\"status\":\"SUCCESS\",\"paidAt\":\"" + paidAt + "\"}").then().statusCode(200);

        given().header("Authorization", contributor(person)).get("/api/v1/payments/" + paymentId).then().statusCode(200)
                .body("status", equalTo("PAID")).body("paidAt", equalTo(paidAt))
                .body("businessDay", equalTo(businessDay)).body("detailsFrom", equalTo(detailsFrom));
        assertEquals(businessDay, text(db, "select business_day::text from payment where id = ?::uuid", paymentId),
                "the stored business day, which keys bank transactions");
    }
}
